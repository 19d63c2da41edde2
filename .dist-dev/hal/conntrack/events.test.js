/**
 * Conntrack events on the real kernel, in a throwaway namespace: what the driver's own writes
 * raise, what real traffic raises (UDP, and an FTP control connection whose PORT command makes
 * the kernel's helper expect a data connection), an overrun of a tiny receive buffer, and the
 * start times the kernel stamps once its timestamps are on.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createLinuxClock } from '../clock/linux.js';
import { nftAvailable, nftUnavailable } from '../kernel-gate.testkit.js';
import { deleteNetns, withNetns } from '../netns.js';
import { IPS, PROTO, } from './index.js';
import { createLinuxConntrack } from './linux.js';
import { conntrackNetns, HOST } from './netns.testkit.js';
import { manySessions, session, tuple } from './records.fixture.js';
const ns = `tct-ev-${process.pid}`;
const device = createLinuxConntrack();
const clock = createLinuxClock();
const ALL = { types: ['new', 'update', 'destroy', 'exp-new', 'exp-destroy'], rcvbufBytes: 8 << 20 };
/** Reads `socket` from a poll loop until `done` holds for what was read, or fails after `ms`. */
function readUntil(socket, done, ms) {
    const poller = clock.openPoller();
    poller.watch([socket]);
    const seen = [];
    const deadline = clock.nowMs() + ms;
    for (;;) {
        seen.push(...socket.read(1000).events);
        if (done(seen))
            return seen;
        const left = deadline - clock.nowMs();
        if (left <= 0)
            assert.fail(`events not seen within ${ms} ms; saw ${JSON.stringify(seen.map(summary))}`);
        poller.wait(left);
    }
}
function summary(e) {
    const t = 'session' in e ? e.session.orig : e.expectation.tuple;
    return `${e.type} ${t.proto} ${t.src}:${t.sport} ${t.dst}:${t.dport}`;
}
describe('linux conntrack events', () => {
    let table;
    const sockets = [];
    const subscribe = (options) => {
        const socket = withNetns(ns, () => device.subscribe(options));
        sockets.push(socket);
        return socket;
    };
    before(() => {
        if (nftUnavailable())
            return;
        conntrackNetns(ns);
        table = withNetns(ns, () => device.open());
    });
    after(() => {
        table?.close();
        if (!nftUnavailable())
            deleteNetns(ns);
    });
    beforeEach(() => table?.flush());
    afterEach(() => {
        for (const s of sockets.splice(0))
            s.close();
    });
    it('reports creates, updates and deletes made through the driver, each as its type, and only the types asked for', (t) => {
        if (!nftAvailable(t))
            return;
        const all = subscribe(ALL);
        const destroys = subscribe({ types: ['destroy'], rcvbufBytes: 1 << 20 });
        const sessions = manySessions(6);
        const [, second, third] = sessions;
        table.create(sessions);
        table.update([{ ...second, timeout: 77 }]);
        table.delete([third]);
        const read = all.read(100);
        assert.equal(read.overrun, false);
        assert.deepEqual(read.events.map((e) => e.type), ['new', 'new', 'new', 'new', 'new', 'new', 'update', 'destroy']);
        const [update, destroy] = read.events.slice(6);
        assert.ok(update && 'session' in update && update.session.timeout === 77);
        assert.deepEqual(destroy && 'session' in destroy && destroy.session.orig, third.orig);
        assert.deepEqual(destroys.read(100).events.map((e) => e.type), ['destroy']);
        assert.deepEqual(all.read(100), { events: [], overrun: false });
    });
    it('stops reading once `max` events are in, leaving the rest queued', (t) => {
        if (!nftAvailable(t))
            return;
        const socket = subscribe(ALL);
        table.create(manySessions(50));
        assert.equal(socket.read(20).events.length, 20);
        assert.equal(socket.read(100).events.length, 30);
    });
    it('an overrun of the receive buffer is reported and counted, not thrown, and events go on after it', (t) => {
        if (!nftAvailable(t))
            return;
        const tiny = subscribe({ types: ['new'], rcvbufBytes: 1 });
        table.create(manySessions(2000));
        const burst = tiny.read(10_000);
        assert.equal(burst.overrun, true);
        assert.ok(burst.events.length < 2000, `${burst.events.length} events fit a tiny buffer`);
        assert.ok(tiny.counters.overruns >= 1);
        table.create([session(tuple(HOST, '198.18.9.9', PROTO.UDP, 7, 7))]);
        const later = tiny.read(10);
        assert.equal(later.overrun, false);
        assert.deepEqual(later.events.map(summary), [`new ${PROTO.UDP} ${HOST}:7 198.18.9.9:7`]);
    });
    it('real traffic: a UDP exchange, and an FTP PORT command that the helper turns into an expectation', async (t) => {
        if (!nftAvailable(t))
            return;
        const socket = subscribe(ALL);
        const request = { host: HOST, udpPorts: [5000, 5001], dataPort: 10000 };
        const worker = withNetns(ns, () => new Worker(new URL('./traffic.testkit.js', import.meta.url), { workerData: request }));
        try {
            const [ready] = (await once(worker, 'message'));
            const seen = readUntil(socket, (s) => s.some((e) => e.type === 'exp-new'), 5000);
            const udp = seen.filter((e) => 'session' in e && e.session.orig.proto === PROTO.UDP && e.session.orig.sport === 5000);
            assert.deepEqual(udp.map((e) => e.type), ['new', 'update']);
            const replied = udp[1];
            assert.ok(replied && 'session' in replied && replied.session.status & IPS.SEEN_REPLY);
            const control = seen.find((e) => e.type === 'new' && e.session.orig.dport === 21);
            assert.ok(control && 'session' in control);
            assert.deepEqual([control.session.orig.sport, control.session.helper], [ready.ftpClientPort, 'ftp']);
            const expected = seen.find((e) => e.type === 'exp-new');
            assert.ok(expected && 'expectation' in expected);
            assert.deepEqual(expected.expectation.master, control.session.orig);
            assert.deepEqual([expected.expectation.tuple.dport, expected.expectation.helper], [10000, 'ftp']);
            const dumped = [];
            for await (const batch of table.dumpExpectations())
                dumped.push(...batch);
            assert.deepEqual(dumped.map((e) => [e.tuple.dport, e.helper]), [[10000, 'ftp']]);
        }
        finally {
            worker.postMessage('close');
            await once(worker, 'exit');
        }
    });
    it("with the namespace's timestamps on, sessions from traffic and from the driver carry their start in dumps and destroy events, never in new or update events", async (t) => {
        if (!nftAvailable(t))
            return;
        withNetns(ns, () => device.enableTimestamps());
        const socket = subscribe(ALL);
        const from = clock.wallMs();
        const request = { host: HOST, udpPorts: [5100, 5101], dataPort: 10001 };
        const worker = withNetns(ns, () => new Worker(new URL('./traffic.testkit.js', import.meta.url), { workerData: request }));
        const made = session(tuple(HOST, '198.18.9.8', PROTO.UDP, 8, 8));
        try {
            await once(worker, 'message');
            table.create([made]);
            const to = clock.wallMs();
            const dumped = new Map();
            for await (const batch of table.dump())
                for (const s of batch)
                    dumped.set(s.orig.sport, s);
            for (const sport of [5100, 8]) {
                const start = dumped.get(sport)?.startWallMs ?? 0;
                assert.ok(start >= from - 1 && start <= to + 1, `port ${sport}: start ${start}, test ran ${from}..${to}`);
            }
            table.delete([made]);
            const seen = readUntil(socket, (s) => s.some((e) => e.type === 'destroy'), 5000);
            const sessions = seen.flatMap((e) => ('session' in e ? [e] : []));
            assert.ok(sessions.filter((e) => e.type !== 'destroy').length >= 3, 'new and update events of both');
            for (const e of sessions) {
                if (e.type === 'destroy')
                    assert.equal(e.session.startWallMs, dumped.get(8)?.startWallMs);
                else
                    assert.equal(e.session.startWallMs, 0, `${summary(e)} carries no start`);
            }
        }
        finally {
            worker.postMessage('close');
            await once(worker, 'exit');
        }
    });
    it('a closed socket reads nothing and closes again quietly', (t) => {
        if (!nftAvailable(t))
            return;
        const socket = subscribe(ALL);
        table.create(manySessions(3));
        socket.close();
        assert.deepEqual(socket.read(10), { events: [], overrun: false });
        socket.close();
    });
});
//# sourceMappingURL=events.test.js.map