/**
 * The FTP session helper against the real kernel: a client, a router that loads the rendered
 * ruleset through the nft driver, and an FTP-speaking server, each in a namespace of its own
 * (router-netns.testkit.ts). The only policy allows TCP 21, so the data connection a PASV
 * announces passes only as the helper's expected (related) connection, and a connection to a
 * port the server did not announce is dropped: that is what makes the first check mean anything.
 * With source NAT, nf_nat_ftp puts the data connection behind the same address as its control
 * connection.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conntrackAvailable } from '../../hal/kernel-gate.testkit.js';
import { CLIENT, ifnameOf, ROUTER_WAN, routerRig, SERVER } from './router-netns.testkit.js';
import { dataPlane, policy } from './ruleset.fixture.js';
import { renderRuleset } from './ruleset.js';
const ANNOUNCED = 30001;
const UNANNOUNCED = 30002;
/**
 * Answers USER with 331 and PASV with the announced port; on both data ports it sends "payload"
 * to whoever connects and prints where the connection came from.
 */
const SERVER_SCRIPT = `
const net = require('node:net');
for (const port of [${ANNOUNCED}, ${UNANNOUNCED}]) {
  net.createServer((s) => { console.log('data from ' + s.remoteAddress + ' to ' + port); s.end('payload'); }).listen(port, '${SERVER}');
}
net.createServer((c) => {
  c.write('220 ready\\r\\n');
  let buf = '';
  c.on('data', (d) => {
    buf += d;
    for (let i = buf.indexOf('\\n'); i >= 0; i = buf.indexOf('\\n')) {
      const line = buf.slice(0, i).trim();
      buf = buf.slice(i + 1);
      if (line.startsWith('PASV')) c.write('227 Entering Passive Mode (${SERVER.replaceAll('.', ',')},${ANNOUNCED >> 8},${ANNOUNCED & 0xff})\\r\\n');
      else c.write('331 ok\\r\\n');
    }
  });
}).listen(21, '${SERVER}', () => console.log('listening'));`;
/**
 * Logs in, then on "pasv" asks for passive mode and prints the port of the 227 reply; on
 * "connect <port>" opens a data connection to the server and prints what it received, or
 * "failed <port>" after 2 s without a connection.
 */
const CLIENT_SCRIPT = `
const net = require('node:net');
const c = net.connect(21, '${SERVER}');
let greeted = false;
c.on('data', (d) => {
  for (const line of String(d).split('\\r\\n').filter(Boolean)) {
    const m = /\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)/.exec(line);
    if (m) console.log('pasv ' + (Number(m[5]) * 256 + Number(m[6])));
    else if (!greeted) { greeted = true; c.write('USER anonymous\\r\\n'); }
    else console.log('logged in');
  }
});
process.stdin.on('data', (d) => {
  for (const cmd of String(d).split('\\n').filter(Boolean)) {
    if (cmd === 'pasv') { c.write('PASV\\r\\n'); continue; }
    const port = Number(cmd.split(' ')[1]);
    const s = net.connect(port, '${SERVER}');
    let got = '';
    const timer = setTimeout(() => { s.destroy(); console.log('failed ' + port); }, 2000);
    s.on('data', (x) => { got += x; });
    s.on('end', () => { clearTimeout(timer); console.log('connected ' + port + ' ' + got); });
    s.on('error', () => {});
  }
});`;
/** Loads one policy from the client to the server that allows FTP (TCP 21) only. */
async function ftpOnly(r, nat) {
    const dp = dataPlane([policy(1, { srcaddr: ['all'], service: ['ftp'], nat })]);
    dp.services.push({ name: 'ftp', protocol: 'TCP/UDP/SCTP', tcp: [{ low: 21, high: 21 }], udp: [], protocolNumber: 0 });
    await r.firewall.apply(renderRuleset(dp, { ifnameOf }));
}
/** A control connection that has asked for passive mode; the router holds the helper's expectation. */
async function passive(r) {
    const server = r.peer(r.server, SERVER_SCRIPT);
    await server.expect('listening', 10_000, 'the server');
    const client = r.peer(r.client, CLIENT_SCRIPT);
    await client.expect('logged in', 10_000, 'the control connection passes the policy');
    client.send('pasv');
    await client.expect(`pasv ${ANNOUNCED}`, 5000, 'the PASV reply');
    const expectations = r.inRouter(['conntrack', '-L', 'expect']);
    assert.match(expectations, new RegExp(`dport=${ANNOUNCED} .*helper=ftp`), 'the helper expects the data connection');
    return { server, client };
}
async function dataOnlyWhereAnnounced(t, nat, source) {
    if (!conntrackAvailable(t))
        return;
    const r = routerRig(t, 'ftp');
    await ftpOnly(r, nat);
    const { server, client } = await passive(r);
    client.send(`connect ${UNANNOUNCED}`);
    await client.expect(`failed ${UNANNOUNCED}`, 5000, 'a port the server did not announce is not allowed');
    client.send(`connect ${ANNOUNCED}`);
    await client.expect(`connected ${ANNOUNCED} payload`, 5000, 'the announced data connection passes as related');
    await server.expect(`data from ${source} to ${ANNOUNCED}`, 1000, 'the server sees the data connection');
    assert.ok(!server.out.includes(`to ${UNANNOUNCED}`), 'nothing reached the port that was not announced');
    assert.match(r.inRouter(['conntrack', '-L', '-p', 'tcp', '--dport', `${ANNOUNCED}`]), /\[ASSURED\]|ESTABLISHED|TIME_WAIT/);
}
test('PASV through the router: the helper opens the announced data port, and only that one', async (t) => {
    await dataOnlyWhereAnnounced(t, false, CLIENT);
});
test('PASV through the router with source NAT: the data connection leaves behind the control connection address', async (t) => {
    await dataOnlyWhereAnnounced(t, true, ROUTER_WAN);
});
//# sourceMappingURL=ftp-helper-nft.test.js.map