/**
 * A router between two hosts, each in a network namespace of its own, for the data plane's
 * kernel tests: client —lan— router —wan— server, forwarding on in the router, which loads
 * rendered rulesets through the nft driver. Everything goes when the test ends, however it ends.
 * Peers are `node -e` scripts run inside a namespace; what they print is kept.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createNftFirewall } from '../../hal/firewall/nft.js';
import { ipRun } from '../../hal/kernel-gate.testkit.js';
import { addNetns, deleteNetns } from '../../hal/netns.js';
export const CLIENT = '198.19.201.10';
export const ROUTER_LAN = '198.19.201.1';
export const ROUTER_WAN = '198.19.202.1';
export const SERVER = '198.19.202.10';
/** The router's ports: port1 faces the client, port2 the server. */
export const ifnameOf = (port) => (port === 'port1' ? 'lan' : 'wan');
let rigs = 0;
/** A `node -e` script inside a namespace; its stdout is kept, its stdin takes lines. */
export class Peer {
    out = '';
    child;
    constructor(ns, script) {
        this.child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
        this.child.stdout?.on('data', (d) => {
            this.out += d.toString();
        });
    }
    send(line) {
        this.child.stdin?.write(`${line}\n`);
    }
    /** Whether it printed `text` within `ms`. */
    async printed(text, ms) {
        for (const until = Date.now() + ms; Date.now() < until; await sleep(20))
            if (this.out.includes(text))
                return true;
        return this.out.includes(text);
    }
    /** Waits until it printed `text`; fails naming what it printed instead. */
    async expect(text, ms, what) {
        assert.ok(await this.printed(text, ms), `${what}: "${text}" not printed within ${ms} ms; printed: ${JSON.stringify(this.out)}`);
    }
}
/** Builds the three namespaces; they are removed when `t` ends. */
export function routerRig(t, tag) {
    const k = rigs++;
    const [client, router, server] = ['c', 'r', 's'].map((x) => `tdm-${tag}${process.pid}-${k}${x}`);
    const peers = [];
    // Registered before anything is made, so a failure half-way still removes what was.
    t.after(() => {
        for (const p of peers)
            p.child.kill('SIGKILL');
        for (const ns of [client, router, server])
            deleteNetns(ns);
    });
    for (const ns of [client, router, server])
        addNetns(ns);
    ipRun(router, ['link', 'add', 'lan', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', client]);
    ipRun(router, ['link', 'add', 'wan', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', server]);
    const address = (ns, link, ip) => {
        ipRun(ns, ['address', 'add', `${ip}/24`, 'dev', link]);
        for (const l of ['lo', link])
            ipRun(ns, ['link', 'set', l, 'up']);
    };
    address(client, 'eth0', CLIENT);
    address(router, 'lan', ROUTER_LAN);
    address(router, 'wan', ROUTER_WAN);
    address(server, 'eth0', SERVER);
    ipRun(client, ['route', 'add', 'default', 'via', ROUTER_LAN]);
    ipRun(server, ['route', 'add', 'default', 'via', ROUTER_WAN]);
    const inRouter = (args) => execFileSync('ip', ['netns', 'exec', router, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    inRouter(['sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    return {
        client,
        router,
        server,
        firewall: createNftFirewall(['ip', 'netns', 'exec', router, 'nft']),
        peer(ns, script) {
            const p = new Peer(ns, script);
            peers.push(p);
            return p;
        },
        inRouter,
    };
}
//# sourceMappingURL=router-netns.testkit.js.map