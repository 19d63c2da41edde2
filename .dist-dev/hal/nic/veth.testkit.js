import { createLinuxClock } from '../clock/linux.js';
import { ipRun } from '../kernel-gate.testkit.js';
import { addNetns } from '../netns.js';
const clock = createLinuxClock();
/**
 * Makes namespace `ns` with the veth pair `a`-`b` in it, both ends and lo up; `aMac` sets a's
 * MAC. The caller deletes the namespace (deleteNetns), which takes the pair with it.
 */
export function scratchVethPair(ns, a, b, aMac) {
    addNetns(ns);
    ipRun(ns, ['link', 'add', a, ...(aMac ? ['address', aMac] : []), 'type', 'veth', 'peer', 'name', b]);
    for (const link of ['lo', a, b])
        ipRun(ns, ['link', 'set', link, 'up']);
}
/** An Ethernet frame, padded to the 60-byte minimum when the payload is short. */
export function ethernetFrame(dst, src, ethertype, payload = []) {
    const f = new Uint8Array(14 + Math.max(payload.length, 46));
    f.set(dst, 0);
    f.set(src, 6);
    f[12] = ethertype >> 8;
    f[13] = ethertype & 0xff;
    f.set(payload, 14);
    return f;
}
/** The next frame `port` is handed within `ms` (a copy), or null when none comes. */
export function recvWithin(port, ms) {
    const poller = clock.openPoller();
    poller.watch([port]);
    const buf = new Uint8Array(2048);
    const deadline = clock.nowMs() + ms;
    for (;;) {
        const n = port.recv(buf);
        if (n >= 0)
            return buf.slice(0, n);
        const left = deadline - clock.nowMs();
        if (left <= 0)
            return null;
        poller.wait(left);
    }
}
/** Every frame `port` is handed for the whole of `ms`, in order. */
export function receivedFor(port, ms) {
    const deadline = clock.nowMs() + ms;
    const frames = [];
    for (let f = recvWithin(port, ms); f; f = recvWithin(port, deadline - clock.nowMs()))
        frames.push(f);
    return frames;
}
//# sourceMappingURL=veth.testkit.js.map