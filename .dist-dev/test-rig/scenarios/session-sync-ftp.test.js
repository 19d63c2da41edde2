/**
 * Expectation sessions across a failover (issue 8): an FTP control connection opened through A
 * asks for passive mode, so A's FTP helper expects the data connection; A is killed, B takes
 * over, and only then does the client open the data connection. The only policy allows FTP's
 * TCP 21, and `tcp-session-without-syn` is off, so B passes the control connection only because
 * it was synced, and the data connection only as the expectation's related connection: with
 * `session-pickup-expectation` the download completes byte for byte; without it (the control)
 * the data connection never connects, while the control connection itself carries on. In both, a
 * second PASV after the takeover works: the control session reached B with its helper. The
 * server is vsftpd in the rig's server namespace (ftp-server.ts), the client a small one in the
 * client namespace (ftp-client.ts). One rig per case, 100 ms heartbeats.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { TCP_WITHOUT_SYN_COUNTER } from '../../firmware/dataplane/tcp-without-syn.js';
import { FtpClient } from '../ftp-client.js';
import { FTP_SERVER, PASSIVE_PORTS, startFtpServer, vsftpdUnavailable } from '../ftp-server.js';
import { boardNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { run } from '../shell.js';
import { GROUP_ID, VMAC_LAN, VMAC_WAN } from './gateway-checks.testkit.js';
import { learntOn } from './probes.testkit.js';
import { primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
const FILE = 'payload.bin';
const CONTENT = randomBytes(512 * 1024);
const SHA256 = createHash('sha256').update(CONTENT).digest('hex');
/** Long enough for SYN retransmissions (1 s, then 3 s): a dropped data connection does not connect in it. */
const CONNECT_MS = 4000;
async function inBoard(sr, board, args) {
    return (await run('ip', ['netns', 'exec', boardNamespace(sr.name, board), ...args])).stdout;
}
/** The board's expectations of data connections to the server's passive ports, as "dport=N helper=ftp" lines. */
async function expectations(sr, board) {
    const out = await inBoard(sr, board, ['conntrack', '-L', 'expect']);
    return out.split('\n').filter((l) => l.includes(`dst=${FTP_SERVER} `));
}
/** The board's conntrack entry of the FTP control connection from client port `sport`, or ''. */
async function controlEntry(sr, board, sport) {
    const out = await inBoard(sr, board, ['conntrack', '-L', '-p', 'tcp', '--dport', '21', '--sport', `${sport}`]);
    return out.trim();
}
async function tcpWithoutSynDrops(sr, board) {
    const json = JSON.parse(await inBoard(sr, board, ['nft', '-j', 'list', 'counter', 'inet', 'tandem', TCP_WITHOUT_SYN_COUNTER]));
    return json.nftables.find((x) => x.counter)?.counter.packets ?? -1;
}
/** Polls `probe` every 100 ms until `ok` holds for its value; fails with the last value after `ms`. */
async function until(probe, ok, ms, what) {
    const end = Date.now() + ms;
    for (;;) {
        const v = await probe();
        if (ok(v))
            return v;
        if (Date.now() > end)
            assert.fail(`${what}: not within ${ms} ms; last: ${JSON.stringify(v)}`);
        await sleep(100);
    }
}
/** A pair whose only policy allows FTP, strict about SYNs; vsftpd in the server namespace; a client logged in through A, in passive mode. */
async function passiveThroughA(t, haLines) {
    const why = await vsftpdUnavailable();
    if (why) {
        if (process.env.CI)
            throw new Error(`FTP scenario cannot run: ${why}`);
        t.skip(why);
        return null;
    }
    const extra = gatewayConfig({
        services: [{ name: 'ftp-control', tcpPortrange: '21' }],
        policies: [{ id: 1, action: 'accept', service: ['ftp-control'], tcpSessionWithoutSyn: false }],
    });
    const common = { groupId: GROUP_ID, marginS: 1, haLines, extra };
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
    if (!sr)
        return null;
    t.after(() => sr.down());
    await primaryOnForming(sr, 'A');
    const server = await startFtpServer(sr.name, { [FILE]: CONTENT });
    t.after(() => server.stop());
    const client = new FtpClient(sr.name);
    t.after(() => client.close());
    const { localPort } = await client.ok({ op: 'login', server: FTP_SERVER });
    const pasv = await client.ok({ op: 'pasv' });
    const dataPort = Number(pasv.port);
    assert.ok(dataPort >= PASSIVE_PORTS.min && dataPort <= PASSIVE_PORTS.max, `PASV announced ${JSON.stringify(pasv)}`);
    const onA = await expectations(sr, 'A');
    assert.ok(onA.some((l) => l.includes(`dport=${dataPort} `) && l.includes('helper=ftp')), `A's helper expects the data connection: ${onA.join(' | ') || 'no expectation'}\n${server.log()}`);
    // The control session reaches B with its helper (session-pickup), whatever the expectation option.
    await until(() => controlEntry(sr, 'B', Number(localPort)), (e) => e.includes('ESTABLISHED') && e.includes('helper=ftp'), 5000, 'the control session on B, with the ftp helper');
    return { sr, client, sport: Number(localPort), dataPort };
}
/** kill -9 of A; resolves once B works. */
async function killA(sr) {
    await sr.rig.fault('kill', 'A');
    await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over', 30_000);
    // The killed firmware's kernel forwards until its lease runs out: what follows tests B's
    // table alone once the switches send the gateway's frames to B.
    await learntOn(sr.name, VMAC_WAN, 'B-port1');
    await learntOn(sr.name, VMAC_LAN, 'B-port2');
}
/** A second PASV and download on the same control connection, after the takeover: B's helper makes the expectation itself. */
async function secondDownloadWorks(s) {
    const again = await s.client.ok({ op: 'pasv' });
    const got = await s.client.ok({ op: 'retr', file: FILE, connectMs: CONNECT_MS });
    assert.deepEqual([got.bytes, got.sha256], [CONTENT.length, SHA256], `the second download through B (PASV ${again.port})`);
}
test('with session-pickup-expectation, a data connection opened after the failover completes', async (t) => {
    const s = await passiveThroughA(t, ['set session-pickup enable', 'set session-pickup-expectation enable']);
    if (!s)
        return;
    const onB = await until(() => expectations(s.sr, 'B'), (lines) => lines.some((l) => l.includes(`dport=${s.dataPort} `)), 5000, 'the expectation reaches B');
    assert.ok(onB.some((l) => l.includes('helper=ftp')), onB.join(' | '));
    await killA(s.sr);
    const got = await s.client.send({ op: 'retr', file: FILE, connectMs: CONNECT_MS });
    assert.ok(got.ok, `the download after the failover: ${got.ok ? '' : got.error}`);
    assert.deepEqual([got.bytes, got.sha256], [CONTENT.length, SHA256], 'every byte, through B');
    const data = await inBoard(s.sr, 'B', ['conntrack', '-L', '-p', 'tcp', '--dport', `${s.dataPort}`]);
    assert.match(data, new RegExp(`dport=${s.dataPort} `), "the data connection went through B's kernel");
    await secondDownloadWorks(s);
    assert.equal(await tcpWithoutSynDrops(s.sr, 'B'), 0, 'B needed no mid-stream pickup: the control session was synced');
});
test('without session-pickup-expectation the data connection opened after the failover fails (the control)', async (t) => {
    const s = await passiveThroughA(t, ['set session-pickup enable']);
    if (!s)
        return;
    assert.deepEqual(await expectations(s.sr, 'B'), [], 'no expectation on B');
    await killA(s.sr);
    const got = await s.client.send({ op: 'retr', file: FILE, connectMs: CONNECT_MS });
    assert.equal(got.ok, false, 'the data connection passed B without the expectation');
    assert.match(got.ok ? '' : got.error, /not connected within/);
    const noop = await s.client.ok({ op: 'noop' });
    assert.match(String(noop.reply), /^200/, 'the control connection itself carries on through B');
    await secondDownloadWorks(s);
    assert.equal(await tcpWithoutSynDrops(s.sr, 'B'), 0, 'the control session was synced, not picked up mid-stream');
});
//# sourceMappingURL=session-sync-ftp.test.js.map