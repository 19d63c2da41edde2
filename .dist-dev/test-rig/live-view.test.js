import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEY_HELP, ledCell, renderLiveView, trafficLine, visibleText } from './live-view.js';
function board(letter, over, ha) {
    const links = [
        {
            name: 'ha1',
            hbPriority: 50,
            up: true,
            carrier: true,
            txFrames: 12,
            txErrors: 0,
            rxFrames: 11,
            rxAccepted: 11,
            lastRxAgoMs: 5,
        },
        {
            name: 'ha2',
            hbPriority: 50,
            up: true,
            carrier: false,
            txFrames: 12,
            txErrors: 0,
            rxFrames: 3,
            rxAccepted: 3,
            lastRxAgoMs: 900,
        },
    ];
    return {
        board: letter,
        namespace: `tdm-x-${letter}`,
        serial: `TDSIM0000000000${letter === 'A' ? 1 : 2}`,
        hostname: `TDM-${letter}`,
        pid: 100,
        process: 'alive',
        exit: null,
        logTail: null,
        starts: 1,
        watchdogResets: 0,
        ha: ha === null ? null : { links, refused: [], alone: false, state: 'work', ...ha },
        haError: null,
        state: (ha?.state ?? null),
        primary: 'A',
        members: 2,
        ...over,
    };
}
test('the live view shows role, primary, peers, link counters, events and the keys', () => {
    const s = {
        name: 'default',
        supervisorPid: 1,
        nowMs: 0,
        boards: [board('A', {}, { state: 'work' }), board('B', {}, { state: 'standby' })],
    };
    const lines = renderLiveView(s, 'A', ['15:00:00 B: HA state hello -> standby'], 200);
    assert.match(lines[0], /2 sim boards · console: board A/);
    assert.match(lines[2], /^A\s+primary\s+work\s+A\s+1\s+11\/12\s+3\/12 NO-CARRIER\s+0\s+alive \(100\)$/);
    assert.match(lines[3], /^B\s+secondary\s+standby/);
    assert.equal(lines[4], 'traffic: not running');
    assert.equal(lines[5], '  15:00:00 B: HA state hello -> standby');
    assert.equal(lines[6], 'console login: admin, empty password the first time (then choose one)');
    assert.equal(lines[7], KEY_HELP);
});
test('dead and alone boards say so; lines never exceed the width', () => {
    const s = {
        name: 'default',
        supervisorPid: 1,
        nowMs: 0,
        boards: [
            board('A', { process: 'dead', pid: null, primary: null, members: null }, null),
            board('B', { primary: 'B', members: 1 }, { state: 'work', alone: true }),
        ],
    };
    const lines = renderLiveView(s, 'B', [], 40);
    assert.ok(lines.every((l) => l.length <= 40));
    const wide = renderLiveView(s, 'B', [], 300);
    assert.match(wide[2], /^A\s+dead\s+-\s+-\s+-\s+-\s+-\s+0\s+dead$/);
    assert.match(wide[3], /^B\s+primary \(alone\)\s+work\s+B\s+0/);
});
test('the traffic line: waiting, flowing, an outage under way and the last one', () => {
    const report = (over) => ({
        sent: 1000,
        received: 990,
        firstEchoAtMs: 10,
        nowMs: 20_000,
        outages: [],
        streams: { requested: 2, connecting: 0, alive: 2, broken: 0, maxStallMs: 0, list: [] },
        ...over,
    });
    assert.equal(trafficLine(null), 'traffic: not running');
    assert.match(trafficLine(report({ firstEchoAtMs: null })), /none through yet/);
    assert.equal(trafficLine(report({})), 'traffic cli -> srv: 990/1000 probes echoed · no outage · TCP streams 2 alive, 0 broken');
    const outage = { firstSeq: 5, lastSeq: 30, lost: 26, startMs: 9000, endMs: 9027.4, gapMs: 27.4 };
    assert.match(trafficLine(report({ outages: [outage] })), /last outage 27.4 ms \(26 probes\), 11 s ago/);
    assert.match(trafficLine(report({ outages: [{ ...outage, endMs: null, gapMs: 812 }] })), /OUTAGE NOW, 812 ms so far/);
});
test("each board's LEDs are coloured dots at the end of its row, lit or dark; widths count what shows", () => {
    const s = {
        name: 'default',
        supervisorPid: 1,
        nowMs: 0,
        boards: [board('A', {}, { state: 'work' }), board('B', {}, { state: 'standby' })],
    };
    const dots = (ha) => [
        { role: 'status', colour: 'green', lit: true },
        { role: 'ha', colour: 'green', lit: ha[0] },
        { role: 'ha', colour: 'amber', lit: ha[1] },
        { role: 'ha', colour: 'red', lit: ha[2] },
        { role: 'sync', colour: 'green', lit: false },
    ];
    const lines = renderLiveView(s, 'A', [], 200, null, { A: dots([true, false, false]), B: dots([false, true, false]) });
    assert.match(lines[1], /process\s+leds$/);
    const plain = visibleText;
    assert.match(plain(lines[2]), /alive \(100\)\s+S● H●○○ Y○$/);
    assert.match(plain(lines[3]), /S● H○●○ Y○$/);
    assert.ok(lines[2].includes('\x1b[32m●'), 'a lit green LED is a green dot');
    assert.ok(lines[3].includes('\x1b[33m●'), 'a lit amber LED is a yellow dot');
    assert.ok(lines[2].includes('\x1b[90m○'), 'a dark LED is a grey ring');
    assert.equal(ledCell(dots([false, false, true]), true), 'S● H○○● Y○');
    // Cut inside the LED cell: the dots before the cut keep their colours, the line ends reset.
    const width = plain(lines[2]).length - 4;
    const narrow = renderLiveView(s, 'A', [], width, null, { A: dots([true, false, false]), B: dots([false, true, false]) });
    for (const l of narrow)
        assert.ok(plain(l).length <= width, `visible width of ${JSON.stringify(plain(l))}`);
    assert.equal(plain(narrow[2]), plain(lines[2]).slice(0, width - 1));
    assert.ok(narrow[2].endsWith('\x1b[0m') && narrow[2].includes('\x1b[32m●'));
});
//# sourceMappingURL=live-view.test.js.map