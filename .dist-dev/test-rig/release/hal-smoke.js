/**
 * A HAL smoke run inside an unpacked release bundle, by the bundle's own Node (under qemu-user
 * in the release test): koffi calls into the target's libc (the clock device's clock_gettime,
 * a timerfd ticker and poll), struct ifreq ioctls on `lo`, an ICMP echo to 127.0.0.1 with the
 * kernel's arrival stamp (SIOCGSTAMPNS), cbor-x with its native extension, and serialport on a
 * pty opened through koffi. The clock, ifreq and stamp layouts differ on 32-bit ARM (hal/abi.ts):
 * a wrong one shows as a clock far off, a ticker that never fires or a stamp far from the send. The test copies this file to the bundle's root so that its imports resolve to
 * the bundle's node_modules and dist/, not the repository's. It prints one JSON line (SmokeReport).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decode, encode, isNativeAccelerationEnabled } from 'cbor-x';
const root = dirname(fileURLToPath(import.meta.url));
const load = (path) => import(pathToFileURL(join(root, path)).href);
/** Resolves with the text gathered once it holds `want`, or rejects after 10 s. */
function collect(subscribe, want) {
    return new Promise((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no "${want}" within 10 s, got ${JSON.stringify(text)}`)), 10_000);
        subscribe((chunk) => {
            text += Buffer.from(chunk).toString('utf8');
            if (!text.includes(want))
                return;
            clearTimeout(timer);
            resolve(text);
        });
    });
}
const { ABI } = await load('dist/hal/abi.js');
const { ioctl, timespecMs } = await load('dist/hal/libc.js');
const { createLinuxClock } = await load('dist/hal/clock/linux.js');
const { openRawPinger } = await load('dist/hal/icmp/linux.js');
const { ifindexOf, readMac } = await load('dist/hal/nic/ifreq.js');
const { openPty } = await load('dist/hal/serial/pty.js');
const { createSerialPortDevice } = await load('dist/hal/serial/serialport.js');
const clock = createLinuxClock();
const wallSkewMs = clock.wallMs() - Date.now();
const ticker = clock.openTicker(20);
const poller = clock.openPoller();
poller.watch([ticker]);
poller.wait(1000);
const ticks = ticker.take();
ticker.close();
const loIndex = ifindexOf('lo', 'smoke');
const loMac = Buffer.from(readMac('lo')).toString('hex');
const pinger = openRawPinger({ ifname: 'lo', id: process.pid & 0xffff });
const sentAt = Date.now();
if (!pinger.send('127.0.0.1', 1))
    throw new Error(`echo to 127.0.0.1 not sent: errno ${pinger.counters.lastSendErrno}`);
poller.watch([pinger]);
let replies = pinger.receive();
while (replies.length === 0 && Date.now() - sentAt < 10_000) {
    poller.wait(1000);
    replies = pinger.receive();
}
if (replies.length === 0)
    throw new Error('no echo reply from 127.0.0.1 within 10 s');
// The packet read last is the reply: the ioctl gives its arrival.
const stamp = new BigInt64Array(2);
const icmpStampMs = ioctl(pinger.fd, ABI.siocgstampns, stamp) === 0 ? timespecMs(stamp) - sentAt : null;
const icmpRttMs = replies[0].rttMs;
pinger.close();
const message = { role: 'primary', serial: 'TDM-A', peers: ['TDM-B', 'TDM-C'], uptime: 12345 };
const cborRoundTrip = JSON.stringify(decode(encode(message))) === JSON.stringify(message);
const pty = openPty();
const line = await createSerialPortDevice().open(pty.path, 115200);
const ptyGot = collect((h) => pty.onData(h), 'ping');
const lineGot = collect((h) => line.onData(h), 'pong');
line.write('ping');
pty.write('pong');
const [ptyIn, serialIn] = await Promise.all([ptyGot, lineGot]);
await line.close();
pty.close();
const nativeModules = [
    ...new Set(readFileSync('/proc/self/maps', 'utf8')
        .split('\n')
        .map((l) => l.slice(l.indexOf('/')))
        .filter((p) => p.startsWith(root) && p.endsWith('.node'))
        .map((p) => p.slice(root.length + 1))),
].sort();
const report = {
    arch: process.arch,
    node: process.versions.node,
    wallSkewMs,
    ticks,
    loIndex,
    loMac,
    icmpRttMs,
    icmpStampMs,
    cborNative: isNativeAccelerationEnabled,
    cborRoundTrip,
    serialIn,
    ptyIn,
    nativeModules,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
//# sourceMappingURL=hal-smoke.js.map