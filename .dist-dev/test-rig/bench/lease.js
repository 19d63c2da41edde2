/**
 * Cost of the self-fencing lease on the heartbeat path: Lease.renew() (a store into the
 * mmapped BPF map) against the real fence, in a scratch namespace with one fenced veth, and
 * the one-off costs off the path: opening the fence and attaching it to a port.
 */
import { createLogger } from '../../firmware/log/logger.js';
import { Lease } from '../../firmware/takeover/lease.js';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { createBpfFence } from '../../hal/fence/linux.js';
import { ipRun } from '../../hal/kernel-gate.testkit.js';
import { addNetns, deleteNetns, withNetns } from '../../hal/netns.js';
import { emit, progress } from './emit.js';
import { percentile, summarize } from './stats.js';
const RENEWALS = 100_000;
const BATCHES = 20;
const ATTACHES = 20;
export async function benchLease() {
    const ns = `tdm-bench-lease-${process.pid}`;
    const clock = createLinuxClock();
    addNetns(ns);
    try {
        ipRun(ns, ['link', 'add', 'f0', 'address', '02:54:44:07:00:00', 'type', 'veth', 'peer', 'name', 'f1']);
        const plan = {
            announce: true,
            routes: [],
            ports: [{ name: 'port1', ifname: 'f0', virtualMac: Uint8Array.of(2, 0x54, 0x44, 7, 0, 0), ipv4: [], ipv6: [] }],
        };
        const attachMs = [];
        const lease = withNetns(ns, () => {
            const t0 = clock.nowMs();
            const l = new Lease(createBpfFence(null), { intervalMs: 10, lostThreshold: 3 }, createLogger('bench'));
            l.setPorts(plan);
            attachMs.push(clock.nowMs() - t0);
            for (let i = 1; i < ATTACHES; i++) {
                const t = clock.nowMs();
                l.setPorts(plan);
                attachMs.push(clock.nowMs() - t);
            }
            return l;
        });
        progress(`lease: ${BATCHES} batches of ${RENEWALS} renewals`);
        const perRenewalUs = [];
        for (let b = 0; b < BATCHES; b++) {
            const t0 = clock.nowMs();
            for (let i = 0; i < RENEWALS; i++)
                lease.renew(t0 + i);
            perRenewalUs.push(((clock.nowMs() - t0) * 1000) / RENEWALS);
        }
        lease.close();
        emit({
            bench: 'lease',
            what: `renewal on the heartbeat path, mean of ${RENEWALS} calls per batch, ${BATCHES} batches`,
            p50Us: percentile(perRenewalUs, 0.5),
            p99Us: percentile(perRenewalUs, 0.99),
        });
        emit({
            bench: 'lease',
            what: 'open + attach to one port (first), then re-attach (ms)',
            firstMs: attachMs[0],
            ...summarize(attachMs.slice(1)),
        });
    }
    finally {
        deleteNetns(ns);
    }
}
//# sourceMappingURL=lease.js.map