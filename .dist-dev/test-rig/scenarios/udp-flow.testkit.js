/**
 * One UDP flow between the rig's client and server in which the server can speak first (a
 * server push), for the session sync scenarios: the traffic tool's prober always sends from the
 * client, so after a failover the client's next probe opens a session on the new primary
 * whatever was synced. Here the client stays silent until told, and the server sends to where
 * the client's packets last came from (after any NAT): after a failover that push is the flow's
 * first packet, which the policy (client to server only) does not let open a session, so it
 * reaches the client only through a synced session.
 *
 * Each end is `node -e` in its namespace, driven by lines on stdin; it exits when stdin closes,
 * so nothing outlives the test.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { cliNamespace, srvNamespace } from '../paths.js';
import { SRV_HOST } from '../topology.js';
/** Echoes every packet and sends each stdin line to the client's last seen source. */
const SERVER = `
const s = require('node:dgram').createSocket('udp4');
let peer = null;
s.on('message', (m, r) => {
  peer = r;
  console.log('from ' + r.address + ':' + r.port);
  s.send('echo ' + m, r.port, r.address);
});
s.on('error', (e) => console.log('error ' + e.code));
s.bind(Number(process.argv[1]), () => console.log('ready'));
const lines = require('node:readline').createInterface({ input: process.stdin });
lines.on('line', (l) => { if (peer) s.send(l, peer.port, peer.address); });
lines.on('close', () => process.exit(0));
`;
/** Sends each stdin line to the server over one socket and prints what comes back. */
const CLIENT = `
const s = require('node:dgram').createSocket('udp4');
s.on('message', (m) => console.log('heard ' + m));
s.on('error', (e) => console.log('error ' + e.code));
s.connect(Number(process.argv[1]), process.argv[2], () => console.log('ready'));
const lines = require('node:readline').createInterface({ input: process.stdin });
lines.on('line', (l) => s.send(l));
lines.on('close', () => process.exit(0));
`;
const PUSH_GAP_MS = 100;
class End {
    lines = [];
    child;
    rest = '';
    constructor(namespace, script, args) {
        this.child = spawn('ip', ['netns', 'exec', namespace, process.execPath, '-e', script, ...args], {
            stdio: ['pipe', 'pipe', 'inherit'],
        });
        this.child.stdout?.on('data', (d) => {
            const parts = (this.rest + d.toString()).split('\n');
            this.rest = parts.pop() ?? '';
            this.lines.push(...parts);
        });
    }
    send(line) {
        this.child.stdin?.write(`${line}\n`);
    }
    /** Whether a line from `from` on satisfies `ok` within `ms`. */
    async saw(ok, ms, from = 0) {
        for (const until = Date.now() + ms;; await sleep(10)) {
            if (this.lines.slice(from).some(ok))
                return true;
            if (Date.now() > until)
                return false;
        }
    }
    close() {
        this.child.stdin?.end();
        this.child.kill('SIGKILL');
    }
}
let nextPort = 30_000 + Math.floor(Math.random() * 10_000);
/** Starts both ends; the flow exists in the kernels only once exchange() has run. */
export async function openUdpFlow(rig) {
    const port = nextPort++;
    const server = new End(srvNamespace(rig), SERVER, [String(port)]);
    const client = new End(cliNamespace(rig), CLIENT, [String(port), SRV_HOST.address.split('/')[0] ?? '']);
    const close = () => {
        server.close();
        client.close();
    };
    const ready = (l) => l === 'ready';
    if (!(await server.saw(ready, 5000)) || !(await client.saw(ready, 5000))) {
        close();
        throw new Error(`UDP flow on port ${port}: an end did not start (server ${server.lines}, client ${client.lines})`);
    }
    let sent = 0;
    let pushed = 0;
    return {
        port,
        async exchange(count, gapMs) {
            const first = sent;
            for (let i = 0; i < count; i++) {
                client.send(`ping ${sent++}`);
                if (i < count - 1)
                    await sleep(gapMs);
            }
            const echoes = () => client.lines.filter((l) => Number(/^heard echo ping (\d+)$/.exec(l)?.[1] ?? -1) >= first).length;
            await client.saw(() => echoes() >= count, 1000);
            return echoes();
        },
        async push(windowMs) {
            const from = client.lines.length;
            const heard = (l) => l.startsWith('heard push');
            const started = Date.now();
            for (const until = started + windowMs; Date.now() < until;) {
                server.send(`push ${pushed++}`);
                if (await client.saw(heard, PUSH_GAP_MS, from))
                    return Date.now() - started;
            }
            return null;
        },
        seenFrom: () => [...server.lines]
            .reverse()
            .find((l) => l.startsWith('from '))
            ?.slice(5) ?? '',
        close,
    };
}
//# sourceMappingURL=udp-flow.testkit.js.map