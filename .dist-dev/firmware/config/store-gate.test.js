/**
 * Console commits through a commit gate (docs/config-sync-plan.md §3): the proposal the gate
 * sees, and what each verdict does, with a gate that answers later as the cluster does.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syncEditor } from './editor.testkit.js';
import { UNIT_PATH as PATH, syncedUnit } from './store-sync.fixture.js';
/** A gate whose answers the test gives, one proposal at a time. */
class ManualGate {
    proposals = [];
    answer = null;
    fail = null;
    gate = (p) => {
        this.proposals.push(p);
        return new Promise((resolve, reject) => {
            this.answer = resolve;
            this.fail = reject;
        });
    };
    say(v) {
        assert.ok(this.answer, 'the gate was asked');
        this.answer(v);
    }
    crash(e) {
        assert.ok(this.fail, 'the gate was asked');
        this.fail(e);
    }
}
/** A unit whose commits ask a gate the test answers. */
function unit() {
    const { store, storage, changes } = syncedUnit();
    const gate = new ManualGate();
    store.setCommitGate(gate.gate);
    return { store, storage, changes, gate };
}
function open(store, ...words) {
    const s = store.beginEdit(words);
    assert.ok(typeof s !== 'string', String(s));
    return s;
}
/** Lines before `end` answer at once even with a gate. */
function type(s, ...lines) {
    for (const line of lines) {
        const r = s.handle(line);
        assert.ok(!(r instanceof Promise), line);
        assert.equal(r.output, '', line);
    }
}
/** `end`, which waits for the gate: a promise, still pending while the gate has not answered (wrapped, or awaiting this would wait for it). */
async function endPending(s) {
    const r = s.handle('end');
    assert.ok(r instanceof Promise, 'end waits for the gate');
    let settled = false;
    r.then(() => {
        settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false, 'not before the gate answers');
    return { reply: r };
}
test('the proposal: the shared section as sharedOnly text, its sum when the edit began, key and per-unit flags', async () => {
    const { store, gate } = unit();
    const base = store.checksums().checksum.sections['system.ha'];
    const s = open(store, 'system', 'ha');
    type(s, 'set hb-interval 4', 'set priority 100');
    const { reply: end } = await endPending(s);
    assert.deepEqual(gate.proposals[0], {
        sections: [
            ['system.ha', 'config system ha\n    set mode a-p\n    set hbdev "ha1" 50 "ha2" 50\n    set hb-interval 4\nend\n'],
        ],
        base: { 'system.ha': base },
        keysChanged: false,
        perUnitOnly: false,
    });
    gate.say({ kind: 'local' });
    assert.deepEqual(await end, { output: '', context: '', active: false });
    for (const [line, keys] of [
        ['set password s3cret', true],
        ['set encryption enable', true],
        ['set group-id 9', true],
        ['set group-name other', true],
        ['set arps 9', false],
    ]) {
        const t = open(store, 'system', 'ha');
        type(t, line);
        const pending = t.handle('end');
        assert.equal(gate.proposals.at(-1)?.keysChanged, keys, line);
        gate.say({ kind: 'local' });
        await pending;
    }
});
test('a per-unit-only change is proposed as such, with no section', async () => {
    const { store, gate } = unit();
    const s = open(store, 'system', 'ha');
    type(s, 'set priority 50', 'set override enable', 'config ha-mgmt-interfaces', 'edit 1', 'set interface mgmt', 'end');
    const end = s.handle('end');
    assert.deepEqual(gate.proposals[0], { sections: [], base: {}, keysChanged: false, perUnitOnly: true });
    gate.say({ kind: 'local' });
    await end;
    assert.equal(store.haSettings().priority, 50);
});
test('verdict local on a per-unit-only draft keeps a push that landed while the gate decided', async () => {
    const { store, gate } = unit();
    const s = open(store, 'system', 'ha');
    type(s, 'set priority 50');
    const end = s.handle('end');
    const push = store.applyFromPeer([['system.ha', 'config system ha\n    set mode a-p\n    set hbdev "ha1" 50\nend\n']], {
        full: false,
        from: 'TDM0000000009',
        reason: 'commit on TDM0000000009',
    });
    assert.ok(push.ok);
    gate.say({ kind: 'local' });
    assert.equal((await end).active, false);
    const ha = store.haSettings();
    assert.deepEqual([ha.priority, ha.hbdev.length], [50, 1], 'the priority typed, the hbdev pushed');
});
test('the base is the sum the draft started from, even when a push changed the section meanwhile', async () => {
    const { store, gate } = unit();
    const before = store.checksums().checksum.sections['system.ha'];
    const s = open(store, 'system', 'ha');
    const push = store.applyFromPeer([['system.ha', 'config system ha\n    set mode a-p\n    set hbdev "ha1" 50\nend\n']], {
        full: false,
        from: 'TDM0000000001',
        reason: 'commit on TDM0000000001',
    });
    assert.ok(push.ok);
    type(s, 'set arps 7');
    const end = s.handle('end');
    assert.equal(gate.proposals[0].base['system.ha'], before);
    assert.notEqual(store.checksums().checksum.sections['system.ha'], before);
    gate.say({ kind: 'refused', reason: 'system.ha changed on TDM0000000001 meanwhile; nothing changed' });
    await end;
});
test('verdict local: saved here as without a gate, the listeners told once', async () => {
    const { store, storage, gate, changes } = unit();
    const s = open(store, 'system', 'ha');
    type(s, 'set hb-interval 4');
    const { reply: end } = await endPending(s);
    assert.equal(store.haSettings().hbInterval, 2, 'nothing before the verdict');
    gate.say({ kind: 'local' });
    assert.deepEqual(await end, { output: '', context: '', active: false });
    assert.equal(store.haSettings().hbInterval, 4);
    assert.equal(storage.files.get(PATH), store.text());
    assert.deepEqual(changes, [{ sections: ['system.ha'], origin: 'console' }]);
});
test('verdict done: the push carried the shared part; the draft’s per-unit values are saved on top', async () => {
    const { store, gate, changes } = unit();
    const s = open(store, 'system', 'ha');
    type(s, 'set hb-interval 4', 'set priority 90');
    const end = s.handle('end');
    const [proposal] = gate.proposals;
    // The primary commits it and its push reaches this unit before `commit-result` does.
    const applied = store.applyFromPeer(proposal.sections, {
        full: false,
        from: 'TDM0000000001',
        reason: 'commit on TDM0000000002',
    });
    assert.deepEqual(applied, { ok: true, changed: ['system.ha'] });
    assert.equal(store.haSettings().priority, 200, 'the push kept the per-unit values it found');
    gate.say({ kind: 'done', output: '' });
    assert.deepEqual(await end, { output: '', context: '', active: false });
    const ha = store.haSettings();
    assert.deepEqual([ha.hbInterval, ha.priority], [4, 90]);
    assert.deepEqual(changes.map((c) => c.origin), ['peer', 'console']);
});
test('verdict done with nothing per-unit left to save writes nothing more', async () => {
    const { store, storage, gate, changes } = unit();
    const s = open(store, 'system', 'ha');
    type(s, 'set hb-interval 4');
    const end = s.handle('end');
    store.applyFromPeer(gate.proposals[0].sections, { full: false, from: 'TDM0000000001', reason: 'commit' });
    const writes = storage.writes;
    gate.say({ kind: 'done', output: 'committed on the primary TDM0000000001\n' });
    assert.deepEqual(await end, { output: 'committed on the primary TDM0000000001\n', context: '', active: false });
    assert.equal(storage.writes, writes);
    assert.equal(changes.length, 1);
});
test('verdict refused: nothing saved, the session stays where it was and says why', async () => {
    const { store, storage, gate, changes } = unit();
    const s = open(store, 'system', 'interface');
    type(s, 'edit port1', 'set ip 198.18.1.9/24');
    const writes = storage.writes;
    const end = s.handle('end');
    assert.ok(end instanceof Promise);
    gate.say({ kind: 'refused', reason: 'primary TDM0000000001 did not answer in 3 s' });
    assert.deepEqual(await end, {
        output: 'Command fail. primary TDM0000000001 did not answer in 3 s\n',
        context: 'port1',
        active: true,
    });
    assert.equal(storage.writes, writes);
    assert.deepEqual(changes, []);
    assert.equal(store.dataPlane().interfaces[0].address?.address, '198.18.1.1');
    type(s, 'set alias lan');
    const again = s.handle('end');
    gate.say({ kind: 'local' });
    assert.equal((await again).active, false, 'a later end commits');
    assert.equal(store.dataPlane().interfaces[0].address?.address, '198.18.1.9');
});
test('a gate that fails is reported like a failed save; a line sent while end waits is refused', async () => {
    const { store, gate } = unit();
    const s = open(store, 'system', 'ha');
    type(s, 'set hb-interval 4');
    const end = s.handle('end');
    const meanwhile = s.handle('set hb-interval 5');
    assert.ok(!(meanwhile instanceof Promise));
    assert.equal(meanwhile.output, 'end is still committing this session\nCommand fail. Return code -1\n');
    assert.deepEqual(s.choices([]), [], 'nothing to offer while end waits');
    gate.crash(new Error('control link down'));
    assert.deepEqual(await end, {
        output: 'config not saved: control link down\nCommand fail. Return code -1\n',
        context: 'ha',
        active: true,
    });
    assert.equal(store.haSettings().hbInterval, 2);
});
test('a draft the whole config refuses never reaches the gate', async () => {
    const { store, gate } = unit();
    const s = syncEditor(store.beginEdit(['system', 'ha']));
    s.handle('unset hbdev');
    const r = s.handle('end');
    assert.match(r.output, /mode a-p needs at least one hbdev/);
    assert.equal(gate.proposals.length, 0);
});
test('setCommitGate(null): commits are local and answer at once again', () => {
    const { store } = unit();
    store.setCommitGate(null);
    const s = syncEditor(store.beginEdit(['system', 'ha']));
    s.handle('set hb-interval 4');
    assert.deepEqual(s.handle('end'), { output: '', context: '', active: false });
    assert.equal(store.haSettings().hbInterval, 4);
});
//# sourceMappingURL=store-gate.test.js.map