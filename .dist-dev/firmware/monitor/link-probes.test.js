import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LinkProbes } from './link-probes.js';
const A = '198.18.2.254';
const B = '198.18.2.253';
function config(overrides = {}) {
    return {
        name: 'wan-check',
        srcintf: 'port2',
        server: [A],
        intervalMs: 500,
        failtime: 5,
        recoverytime: 3,
        haPriority: 1,
        ...overrides,
    };
}
/** Runs rounds every interval from `startMs`; `answered(server, round)` says who replies in time. */
function rounds(p, count, startMs, answered) {
    let t = startMs;
    for (let n = 0; n < count; n++, t += p.config.intervalMs) {
        const { seq } = p.round(t);
        for (const server of p.config.server) {
            p.sent(server, true);
            if (answered(server, n))
                p.reply(server, seq, 2, t + 2);
        }
    }
    return t;
}
const stateOf = (p, server = A) => p.status().find((s) => s.server === server)?.state;
test('failtime: failtime-1 lost probes leave the server alive, the failtime-th kills it', () => {
    const p = new LinkProbes(config());
    p.round(0);
    for (let lost = 1; lost <= 4; lost++) {
        assert.deepEqual(p.round(lost * 500).changes, [], `after ${lost} lost`);
        assert.equal(stateOf(p), 'alive');
    }
    assert.deepEqual(p.round(2500).changes, [{ server: A, state: 'dead', why: '5 probes lost in a row' }]);
    assert.equal(stateOf(p), 'dead');
    assert.equal(p.failed, true);
    const [s] = p.status();
    assert.deepEqual([s?.lost, s?.consecutiveLost, s?.changedAtMs], [5, 5, 2500]);
});
test('a reply in between starts the count of lost probes again', () => {
    const p = new LinkProbes(config());
    rounds(p, 12, 0, (_, n) => n === 4);
    // Lost: rounds 0-3 (4), then a reply, then 5-10 are judged by round 11: 6 in a row.
    assert.equal(stateOf(p), 'dead');
    const q = new LinkProbes(config());
    rounds(q, 10, 0, (_, n) => n === 4);
    // Rounds 5-8 judged lost by round 9: only 4 in a row.
    assert.equal(stateOf(q), 'alive');
});
test('recoverytime: recoverytime-1 replies leave a dead server dead, the recoverytime-th revives it', () => {
    const p = new LinkProbes(config());
    const t = rounds(p, 6, 0, () => false);
    assert.equal(stateOf(p), 'dead');
    let seq = p.round(t).seq;
    assert.equal(p.reply(A, seq, 1, t + 1), undefined);
    seq = p.round(t + 500).seq;
    assert.equal(p.reply(A, seq, 1, t + 501), undefined);
    assert.equal(stateOf(p), 'dead', 'two replies of three');
    seq = p.round(t + 1000).seq;
    assert.deepEqual(p.reply(A, seq, 1, t + 1001), { server: A, state: 'alive', why: '3 replies in a row' });
    assert.equal(p.failed, false);
    assert.equal(p.status()[0]?.changedAtMs, t + 1001);
});
test('a lost probe during recovery starts the count of replies again', () => {
    const p = new LinkProbes(config());
    const t = rounds(p, 6, 0, () => false);
    const end = rounds(p, 5, t, (_, n) => n !== 2);
    assert.equal(stateOf(p), 'dead', 'reply, reply, lost, reply, reply');
    rounds(p, 2, end, () => true);
    assert.equal(stateOf(p), 'alive');
});
test('a monitor fails only when every server is dead', () => {
    const p = new LinkProbes(config({ server: [A, B] }));
    const t = rounds(p, 7, 0, (server) => server === B);
    assert.equal(stateOf(p, A), 'dead');
    assert.equal(stateOf(p, B), 'alive');
    assert.equal(p.failed, false);
    rounds(p, 6, t, () => false);
    assert.equal(stateOf(p, B), 'dead');
    assert.equal(p.failed, true);
});
test('late replies do not count: slower than the interval, or to a probe already judged', () => {
    const p = new LinkProbes(config({ failtime: 1 }));
    let { seq } = p.round(0);
    assert.equal(p.reply(A, seq, 501, 501), undefined);
    assert.equal(p.status()[0]?.late, 1);
    p.round(500);
    assert.equal(stateOf(p), 'dead', 'a reply after 501 ms to a 500 ms interval is lost');
    ({ seq } = p.round(1000));
    p.reply(A, seq - 1, 1, 1001);
    p.reply(A, seq, 500, 1001);
    p.reply(A, seq, 1, 1002);
    const [s] = p.status();
    assert.deepEqual([s?.replies, s?.late, s?.lastRttMs], [1, 3, 500], 'old seq and duplicate are late; 500 ms is in time');
    assert.equal(p.reply('198.18.9.9', seq, 1, 1003), undefined, 'not one of our servers');
});
test('an unmeasured round trip still counts, keeping the last measured one', () => {
    const p = new LinkProbes(config());
    let { seq } = p.round(0);
    p.reply(A, seq, 3.25, 4);
    ({ seq } = p.round(500));
    p.reply(A, seq, -1, 501);
    const [s] = p.status();
    assert.deepEqual([s?.replies, s?.lastRttMs, s?.late], [2, 3.25, 0]);
});
test('a probe that could not be sent is lost and counted as a send error', () => {
    const p = new LinkProbes(config({ failtime: 2 }));
    for (let t = 0; t <= 1000; t += 500) {
        p.round(t);
        p.sent(A, false);
    }
    const [s] = p.status();
    assert.deepEqual([s?.state, s?.sent, s?.sendErrors, s?.lost], ['dead', 0, 3, 2]);
});
test('restart forgets states and pending probes, keeps the totals', () => {
    const p = new LinkProbes(config());
    const t = rounds(p, 6, 0, () => false);
    const { seq } = p.round(t);
    p.restart();
    assert.equal(p.failed, false);
    assert.equal(p.reply(A, seq, 1, t + 1), undefined);
    const [s] = p.status();
    assert.deepEqual([s?.state, s?.consecutiveLost, s?.lost, s?.late], ['alive', 0, 6, 1]);
    p.round(t + 500);
    assert.equal(p.status()[0]?.lost, 6, 'the forgotten probe is not judged');
});
test('sequence numbers go up by one per round and wrap at 16 bits', () => {
    const p = new LinkProbes(config());
    assert.equal(p.round(0).seq, 1);
    assert.equal(p.round(500).seq, 2);
    let seq = 0;
    for (let i = 0; i < 65534; i++)
        seq = p.round(1000 + i).seq;
    assert.equal(seq, 0);
    assert.equal(p.round(99_999).seq, 1);
});
//# sourceMappingURL=link-probes.test.js.map