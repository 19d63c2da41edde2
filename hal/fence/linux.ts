/**
 * The fence on Linux: one eBPF program per fenced port and direction, attached at tcx ingress
 * (frames to the virtual MAC: forwarding and everything addressed to it) and tcx egress (frames
 * from it: ARP/ND answers, forwarded and sourced traffic), all reading one lease word that the
 * heartbeat worker writes through shared memory.
 */
import { HalError } from '../errors.js';
import { E, libc } from '../libc.js';
import { attachTcx, BPF_TCX_EGRESS, BPF_TCX_INGRESS, closeFd, createLeaseMap, type LeaseMap, loadTcxProgram } from './bpf.js';
import type { FenceDevice, FencedPort, LeaseFence } from './index.js';
import { leaseProgram } from './lease-program.js';

class BpfLeaseFence implements LeaseFence {
  /** Program and link fds of every fenced port. */
  #fds: number[] = [];

  constructor(private readonly map: LeaseMap) {
    this.revoke();
  }

  renew(untilMs: number): void {
    const ms = Math.floor(untilMs);
    const high = Math.floor(ms / 0x1_0000_0000);
    this.map.words[1] = high;
    this.map.words[0] = ms - high * 0x1_0000_0000;
  }

  revoke(): void {
    this.map.words[0] = 0;
    this.map.words[1] = 0;
  }

  setPorts(ports: readonly FencedPort[]): void {
    this.#detach();
    for (const p of ports) {
      const ifindex = libc.if_nametoindex(p.ifname);
      if (ifindex === 0) throw new HalError(`fence ${p.name}`, 'find the interface', E.ENODEV, `no interface ${p.ifname}`);
      for (const [dir, macOffset, type] of [
        ['in', 0, BPF_TCX_INGRESS],
        ['out', 6, BPF_TCX_EGRESS],
      ] as const) {
        const prog = loadTcxProgram(leaseProgram(this.map.fd, macOffset, p.mac), type, `tdm_fence_${dir}`);
        this.#fds.push(prog);
        this.#fds.push(attachTcx(prog, ifindex, type, `${dir === 'in' ? 'ingress' : 'egress'} fence to ${p.name}`));
      }
    }
  }

  close(): void {
    this.#detach();
    this.map.close();
  }

  #detach(): void {
    for (const fd of this.#fds) closeFd(fd);
    this.#fds = [];
  }
}

export function createBpfFence(): FenceDevice {
  return {
    open: () => new BpfLeaseFence(createLeaseMap()),
  };
}
