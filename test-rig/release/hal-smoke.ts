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
import type * as AbiModule from '../../hal/abi.js';
import type * as ClockModule from '../../hal/clock/linux.js';
import type * as IcmpModule from '../../hal/icmp/linux.js';
import type * as LibcModule from '../../hal/libc.js';
import type * as IfreqModule from '../../hal/nic/ifreq.js';
import type * as PtyModule from '../../hal/serial/pty.js';
import type * as SerialModule from '../../hal/serial/serialport.js';

export interface SmokeReport {
  arch: string;
  node: string;
  /** CLOCK_REALTIME through koffi minus Date.now(), ms. */
  wallSkewMs: number;
  /** Expirations of a 20 ms timerfd ticker after one poll wait. */
  ticks: number;
  /** `lo`'s index (SIOCGIFINDEX) and MAC as hex (SIOCGIFHWADDR), through struct ifreq. */
  loIndex: number;
  loMac: string;
  /** The echo reply's round trip as the pinger measured it (-1: its stamps made no sense). */
  icmpRttMs: number;
  /** The reply's arrival stamp (SIOCGSTAMPNS) minus the send's Date.now(), ms; null when the ioctl failed. */
  icmpStampMs: number | null;
  cborNative: boolean;
  cborRoundTrip: boolean;
  /** What the serialport line read from the pty's master, and the master from the line. */
  serialIn: string;
  ptyIn: string;
  /** The native modules this process mapped, relative to the bundle. */
  nativeModules: string[];
}

const root = dirname(fileURLToPath(import.meta.url));
const load = <T>(path: string): Promise<T> => import(pathToFileURL(join(root, path)).href) as Promise<T>;

/** Resolves with the text gathered once it holds `want`, or rejects after 10 s. */
function collect(subscribe: (handler: (chunk: Uint8Array) => void) => void, want: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no "${want}" within 10 s, got ${JSON.stringify(text)}`)), 10_000);
    subscribe((chunk) => {
      text += Buffer.from(chunk).toString('utf8');
      if (!text.includes(want)) return;
      clearTimeout(timer);
      resolve(text);
    });
  });
}

const { ABI } = await load<typeof AbiModule>('dist/hal/abi.js');
const { ioctl, timespecMs } = await load<typeof LibcModule>('dist/hal/libc.js');
const { createLinuxClock } = await load<typeof ClockModule>('dist/hal/clock/linux.js');
const { openRawPinger } = await load<typeof IcmpModule>('dist/hal/icmp/linux.js');
const { ifindexOf, readMac } = await load<typeof IfreqModule>('dist/hal/nic/ifreq.js');
const { openPty } = await load<typeof PtyModule>('dist/hal/serial/pty.js');
const { createSerialPortDevice } = await load<typeof SerialModule>('dist/hal/serial/serialport.js');

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
if (!pinger.send('127.0.0.1', 1)) throw new Error(`echo to 127.0.0.1 not sent: errno ${pinger.counters.lastSendErrno}`);
poller.watch([pinger]);
let replies = pinger.receive();
while (replies.length === 0 && Date.now() - sentAt < 10_000) {
  poller.wait(1000);
  replies = pinger.receive();
}
if (replies.length === 0) throw new Error('no echo reply from 127.0.0.1 within 10 s');
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
  ...new Set(
    readFileSync('/proc/self/maps', 'utf8')
      .split('\n')
      .map((l) => l.slice(l.indexOf('/')))
      .filter((p) => p.startsWith(root) && p.endsWith('.node'))
      .map((p) => p.slice(root.length + 1)),
  ),
].sort();

const report: SmokeReport = {
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
