/**
 * The fence on the real kernel: a veth pair in a scratch namespace, one end (f0) presenting the
 * virtual MAC and fenced, the other (f1) the switch's side that counts what comes out. Frames
 * are raw, so each direction is checked on its own.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLinuxClock } from '../clock/linux.js';
import { ipRun, kernelAvailable, kernelUnavailable } from '../kernel-gate.testkit.js';
import { deleteNetns, withNetns } from '../netns.js';
import { createLinuxNic } from '../nic/linux.js';
import { ethernetFrame as frame, receivedFor, scratchVethPair } from '../nic/veth.testkit.js';
import { createBpfFence } from './linux.js';
const ns = `tdm-fence-${process.pid}`;
const VMAC = Uint8Array.of(0x02, 0x54, 0x44, 0x07, 0x00, 0x00);
const OWN = Uint8Array.of(0x02, 0x54, 0x53, 0x01, 0x02, 0x03);
const OTHER = Uint8Array.of(0x02, 0x11, 0x22, 0x33, 0x44, 0x55);
const BROADCAST = new Uint8Array(6).fill(0xff);
const PROBE_TYPE = 0x88b5;
const nic = createLinuxNic();
const clock = createLinuxClock();
const inNs = (fn) => withNetns(ns, fn);
/** "Who has 198.18.99.1? tell 198.18.99.2", from f1. */
function arpRequest(dst) {
    return frame(dst, OTHER, 0x0806, [0, 1, 8, 0, 6, 4, 0, 1, ...OTHER, 198, 18, 99, 2, 0, 0, 0, 0, 0, 0, 198, 18, 99, 1]);
}
/** The fence's pins in a bpffs (which also holds the kernel's own `*.debug` files). */
const pinned = (dir) => readdirSync(dir)
    .filter((n) => n.startsWith('fence-'))
    .sort();
const from = (mac) => (f) => f.subarray(6, 12).every((b, i) => b === mac[i]);
describe('fence (tcx programs, lease in shared memory)', { skip: kernelUnavailable() ?? false }, () => {
    let fence;
    let f1Arp;
    let f1Probe;
    let f1Send;
    let f0Probe;
    let f0Send;
    before(() => {
        scratchVethPair(ns, 'f0', 'f1', '02:54:44:07:00:00');
        ipRun(ns, ['addr', 'add', '198.18.99.1/24', 'dev', 'f0']);
        inNs(() => {
            fence = createBpfFence(null).open();
            fence.setPorts([{ name: 'port1', ifname: 'f0', mac: VMAC }]);
            f1Arp = nic.openPort('f1', 0x0806);
            f1Probe = nic.openPort('f1', PROBE_TYPE);
            f1Send = nic.openSender('f1');
            f0Probe = nic.openPort('f0', PROBE_TYPE);
            f0Send = nic.openSender('f0');
        });
    });
    after(() => {
        for (const p of [f1Arp, f1Probe, f1Send, f0Probe, f0Send])
            p?.close();
        fence?.close();
        deleteNetns(ns);
    });
    /** What crosses while the lease is as it is now: ARP answered, frames in to and out from the virtual MAC, and the controls. */
    function crossings() {
        f1Send.send(arpRequest(BROADCAST), 60);
        const arpAnswers = receivedFor(f1Arp, 150).filter(from(VMAC)).length;
        f1Send.send(frame(VMAC, OTHER, PROBE_TYPE), 60);
        f1Send.send(frame(BROADCAST, OTHER, PROBE_TYPE), 60);
        const inbound = receivedFor(f0Probe, 100);
        f0Send.send(frame(OTHER, VMAC, PROBE_TYPE), 60);
        f0Send.send(frame(OTHER, OWN, PROBE_TYPE), 60);
        const outbound = receivedFor(f1Probe, 100);
        return {
            arpAnswers,
            inVmac: inbound.filter((f) => f[0] === 0x02).length,
            inBroadcast: inbound.filter((f) => f[0] === 0xff).length,
            outVmac: outbound.filter(from(VMAC)).length,
            outOwn: outbound.filter(from(OWN)).length,
        };
    }
    it('revoked: nothing to or from the virtual MAC crosses, other frames do', (t) => {
        if (!kernelAvailable(t))
            return;
        fence.revoke();
        assert.deepEqual(crossings(), { arpAnswers: 0, inVmac: 0, inBroadcast: 1, outVmac: 0, outOwn: 1 });
    });
    it('renewed: everything crosses; the lease runs out by itself at its deadline', (t) => {
        if (!kernelAvailable(t))
            return;
        fence.renew(clock.nowMs() + 10_000);
        assert.deepEqual(crossings(), { arpAnswers: 1, inVmac: 1, inBroadcast: 1, outVmac: 1, outOwn: 1 });
        const until = clock.nowMs() + 100;
        fence.renew(until);
        while (clock.nowMs() < until + 5) {
            // wait out the lease
        }
        assert.deepEqual(crossings(), { arpAnswers: 0, inVmac: 0, inBroadcast: 1, outVmac: 0, outOwn: 1 });
    });
    it('ports can be changed and the fence closed: closing lets the MAC go', (t) => {
        if (!kernelAvailable(t))
            return;
        inNs(() => fence.setPorts([]));
        fence.revoke();
        assert.equal(crossings().arpAnswers, 1, 'no port fenced');
        inNs(() => fence.setPorts([{ name: 'port1', ifname: 'f0', mac: VMAC }]));
        assert.equal(crossings().arpAnswers, 0, 'fenced again');
        assert.throws(() => inNs(() => fence.setPorts([{ name: 'port9', ifname: 'nope0', mac: VMAC }])), /fence port9: find the interface failed \(errno 19, no interface nope0\)/);
    });
    it('pinned: a killed process leaves its programs fencing; the next start takes them over; a clean close unpins', (t) => {
        if (!kernelAvailable(t))
            return;
        const pins = mkdtempSync(join(tmpdir(), 'tandem-pins-'));
        const mounted = spawnSync('mount', ['-t', 'bpf', 'bpf', pins], { encoding: 'utf8' });
        assert.equal(mounted.status, 0, `mount bpffs: ${mounted.stderr}`);
        try {
            inNs(() => fence.setPorts([]));
            assert.match(createBpfFence(tmpdir()).open().unpinned ?? '', /is not on a bpffs/);
            // A firmware that renews for 3 s and dies without closing anything.
            const linux = fileURLToPath(new URL('./linux.js', import.meta.url));
            const script = `import { createBpfFence } from ${JSON.stringify(linux)};
        import { createLinuxClock } from ${JSON.stringify(fileURLToPath(new URL('../clock/linux.js', import.meta.url)))};
        const f = createBpfFence(${JSON.stringify(pins)}).open();
        if (f.unpinned) throw new Error(f.unpinned);
        f.setPorts([{ name: 'port1', ifname: 'f0', mac: Uint8Array.of(${VMAC.join(', ')}) }]);
        const until = createLinuxClock().nowMs() + 3000;
        f.renew(until);
        process.stdout.write(String(until));
        process.kill(process.pid, 'SIGKILL');`;
            const child = spawnSync('ip', ['netns', 'exec', ns, process.execPath, '--input-type=module', '-e', script], {
                encoding: 'utf8',
            });
            assert.equal(child.signal, 'SIGKILL', `the firmware stand-in: ${child.stderr}`);
            const until = Number(child.stdout);
            assert.deepEqual(pinned(pins), ['fence-f0-in', 'fence-f0-out']);
            assert.equal(crossings().arpAnswers, 1, 'within its lease the dead process still lets the MAC speak');
            while (clock.nowMs() < until + 5) {
                // wait out the dead process's lease
            }
            assert.deepEqual(crossings(), { arpAnswers: 0, inVmac: 0, inBroadcast: 1, outVmac: 0, outOwn: 1 }, 'then its kernel is fenced');
            const next = inNs(() => createBpfFence(pins).open());
            inNs(() => next.setPorts([{ name: 'port1', ifname: 'f0', mac: VMAC }]));
            assert.deepEqual(pinned(pins), ['fence-f0-in', 'fence-f0-out'], 'the pinned links were taken over');
            next.renew(clock.nowMs() + 10_000);
            assert.equal(crossings().arpAnswers, 1, 'the new lease rules the taken-over links');
            next.revoke();
            assert.equal(crossings().arpAnswers, 0);
            next.close();
            assert.deepEqual(pinned(pins), [], 'a clean close unpins');
            assert.equal(crossings().arpAnswers, 1, 'and detaches');
        }
        finally {
            spawnSync('umount', ['-l', pins]);
            rmSync(pins, { recursive: true, force: true });
            inNs(() => fence.setPorts([{ name: 'port1', ifname: 'f0', mac: VMAC }]));
        }
    });
});
//# sourceMappingURL=linux.test.js.map