/**
 * One-shot checks of the rig's data path for scenario tests: a TCP exchange from the client to
 * the server through the pair (what source the server saw), ARP answers for the gateway
 * address seen from the client, and which switch port a bridge has learnt a MAC on.
 */
import { spawn } from 'node:child_process';
import { withNetns } from '../../hal/netns.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { formatMac } from '../../lib/ethernet.js';
import { formatIpv4, formatIpv6, writeIpv4 } from '../../lib/ip-text.js';
import { cliNamespace, srvNamespace, switchNamespace } from '../paths.js';
import { run } from '../shell.js';
import { CLI_HOST, SRV_HOST } from '../topology.js';
const SERVER = `
const net = require('node:net');
const srv = net.createServer((s) => { console.log(s.remoteAddress.replace('::ffff:', '')); s.end('ok'); srv.close(); });
srv.listen(Number(process.argv[1]), () => console.log('listening'));
setTimeout(() => process.exit(3), Number(process.argv[2]));
`;
const CLIENT = `
const s = require('node:net').connect({ port: Number(process.argv[1]), host: process.argv[2], timeout: Number(process.argv[3]) });
s.on('data', () => process.exit(0));
s.on('timeout', () => process.exit(2));
s.on('error', () => process.exit(1));
`;
const hostOf = (cidr) => cidr.split('/')[0] ?? cidr;
let nextPort = 20_000 + Math.floor(Math.random() * 20_000);
/** A TCP connection from cli to srv through whatever the pair does, within `timeoutMs`. */
export async function tcpExchange(rig, timeoutMs = 3000) {
    const port = nextPort++;
    const server = spawn('ip', ['netns', 'exec', srvNamespace(rig), process.execPath, '-e', SERVER, String(port), String(timeoutMs + 2000)], {
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    server.stdout.on('data', (c) => (out += c.toString()));
    const exited = new Promise((resolve) => server.on('close', () => resolve()));
    try {
        await waitText(() => out.includes('listening'), 5000);
        const client = await run('ip', [
            'netns',
            'exec',
            cliNamespace(rig),
            process.execPath,
            '-e',
            CLIENT,
            String(port),
            hostOf(SRV_HOST.address),
            String(timeoutMs),
        ]).then(() => true, () => false);
        if (client)
            await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
        const seen = out.split('\n').find((l) => l && l !== 'listening') ?? '';
        return { reached: client, seenSource: seen };
    }
    finally {
        server.kill('SIGKILL');
    }
}
const CONNECT = `
const s = require('node:net').connect({ port: Number(process.argv[1]), host: process.argv[2] });
const done = (what) => { console.log(what); process.exit(0); };
s.on('connect', () => done('connected'));
s.on('error', (e) => done(e.code === 'ECONNREFUSED' ? 'refused' : e.code));
setTimeout(() => done('timeout'), Number(process.argv[3]));
`;
/**
 * A TCP connection attempt from the client to `host:port`: `connected`, `refused` (a reset:
 * the host answered), `timeout` (dropped on the way or at the host) or another error code.
 */
export async function tcpConnect(rig, host, port, timeoutMs = 1500) {
    const { stdout } = await run('ip', [
        'netns',
        'exec',
        cliNamespace(rig),
        process.execPath,
        '-e',
        CONNECT,
        String(port),
        host,
        String(timeoutMs),
    ]);
    return stdout.trim();
}
async function waitText(ok, timeoutMs) {
    const until = Date.now() + timeoutMs;
    while (!ok()) {
        if (Date.now() > until)
            throw new Error('server in the srv namespace did not start');
        await new Promise((r) => setTimeout(r, 20));
    }
}
/**
 * Asks "who has `ipv4`?" from the client's port and returns the sender MAC of every ARP reply
 * heard within `listenMs` (one per answering host).
 */
export async function arpAnswers(rig, ipv4, listenMs = 500) {
    const nic = createLinuxNic();
    const port = withNetns(cliNamespace(rig), () => nic.openPort(CLI_HOST.ifname, 0x0806));
    try {
        const frame = new Uint8Array(60);
        frame.fill(0xff, 0, 6);
        frame.set(port.mac, 6);
        frame.set([0x08, 0x06, 0, 1, 0x08, 0, 6, 4, 0, 1], 12);
        frame.set(port.mac, 22);
        writeIpv4(frame, 28, hostOf(CLI_HOST.address));
        writeIpv4(frame, 38, ipv4);
        port.send(frame, 60);
        const answers = new Set();
        const buf = new Uint8Array(1514);
        const until = Date.now() + listenMs;
        while (Date.now() < until) {
            for (let n = port.recv(buf); n >= 0; n = port.recv(buf)) {
                const isReply = buf[20] === 0 && buf[21] === 2;
                const from = formatIpv4(buf, 28);
                if (isReply && from === ipv4)
                    answers.add(formatMac(buf.subarray(22, 28)));
            }
            await new Promise((r) => setTimeout(r, 10));
        }
        return [...answers];
    }
    finally {
        port.close();
    }
}
/**
 * Listens on the client's port for `listenMs` and returns the sender MAC of every unsolicited
 * neighbour advertisement (ICMPv6 type 136) for `ipv6`: what a new primary sends for its IPv6
 * addresses, as gratuitous ARP does for IPv4.
 */
export async function neighbourAdverts(rig, ipv6, listenMs) {
    const nic = createLinuxNic();
    const port = withNetns(cliNamespace(rig), () => nic.openPort(CLI_HOST.ifname, 0x86dd));
    try {
        const senders = [];
        const buf = new Uint8Array(1514);
        const until = Date.now() + listenMs;
        while (Date.now() < until) {
            for (let n = port.recv(buf); n >= 0; n = port.recv(buf)) {
                const isNa = n >= 78 && buf[20] === 58 && buf[54] === 136;
                if (isNa && formatIpv6(buf, 62) === ipv6)
                    senders.push(formatMac(buf.subarray(6, 12)));
            }
            await new Promise((r) => setTimeout(r, 10));
        }
        return senders;
    }
    finally {
        port.close();
    }
}
/** The switch port (like "B-port2") a rig bridge forwards `mac` to, or undefined. */
export async function learntPort(rig, mac) {
    const { stdout } = await run('bridge', ['-n', switchNamespace(rig), '-j', 'fdb', 'show']);
    const entries = JSON.parse(stdout || '[]');
    return entries.find((e) => e.mac === mac && !(e.flags ?? []).includes('self'))?.ifname;
}
/** Waits until the rig's switch has learnt `mac` on `port` (a new primary's announcement took). */
export async function learntOn(rig, mac, port) {
    const until = Date.now() + 10_000;
    while ((await learntPort(rig, mac)) !== port) {
        if (Date.now() > until)
            throw new Error(`${mac} not learnt on ${port} within 10 s`);
        await new Promise((r) => setTimeout(r, 20));
    }
}
//# sourceMappingURL=probes.testkit.js.map