/**
 * Config sync between three units over real control links on the lossy fake net: the primary's
 * commits reach every member, a secondary's commit goes through the primary, a unit joining
 * with another config gets a full sync and keeps a backup, a refused push is not retried in a
 * loop, a commit whose base moved is refused, and a healed split brain leaves the primary's
 * config everywhere.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SyncCluster, snapshotOf, unitFile } from './config-sync.testkit.js';
const A = 'TDSIM00000000001';
const B = 'TDSIM00000000002';
const C = 'TDSIM00000000003';
const LOSSY = { loss: 0.1, duplicate: 0.05, delayMs: 1, jitterMs: 3 };
function cluster(extra = {}, faults = LOSSY) {
    return new SyncCluster({
        [A]: unitFile('TDM-A', 200, extra[A]),
        [B]: unitFile('TDM-B', 150, extra[B]),
        [C]: unitFile('TDM-C', 100, extra[C]),
    }, faults);
}
const address = (name, ip) => [`edit "${name}"`, `set subnet ${ip} 255.255.255.255`, 'next', 'end'];
const shows = (c, serial, re) => re.test(c.unit(serial).store.show(['firewall', 'address'], false));
const allInSync = (c, serial) => c
    .unit(serial)
    .sync.status()
    .every((m) => m.state === 'in-sync');
test('a formed cluster with one config is in sync without any push', async () => {
    const c = cluster();
    c.elect(A);
    assert.ok(await c.run(() => allInSync(c, A) && allInSync(c, B) && allInSync(c, C)));
    assert.deepEqual([...c.units.values()].flatMap((u) => u.applied), []);
});
test("the primary's commits reach every member in order, per-unit values stay apart", async () => {
    const c = cluster();
    c.elect(A);
    for (let i = 1; i <= 5; i++) {
        const r = await c.configure(A, ['firewall', 'address'], address(`host-${i}`, `198.18.9.${i}`));
        assert.equal(r.output, '');
    }
    assert.ok(await c.run(() => [B, C].every((s) => shows(c, s, /host-5/))));
    for (const s of [B, C]) {
        assert.ok(c.unit(s).applied.every((a) => a.ok && !a.full), 'incremental pushes only');
        assert.equal(c.unit(s).store.show(['firewall', 'address'], false), c.unit(A).store.show(['firewall', 'address'], false));
    }
    assert.equal(c.unit(B).store.hostname(), 'TDM-B');
    assert.equal(c.unit(C).store.haSettings().priority, 100);
    assert.ok(await c.run(() => allInSync(c, A)));
});
test("a secondary's commit goes through the primary: end returns once it is applied there too", async () => {
    const c = cluster();
    c.elect(A);
    assert.ok(await c.run(() => allInSync(c, A)));
    const r = await c.configure(B, ['firewall', 'address'], address('from-b', '198.18.9.20'));
    assert.equal(r.output, '', 'no warning: the push came back before end returned');
    assert.ok(shows(c, B, /from-b/));
    assert.ok(shows(c, A, /from-b/));
    assert.ok(await c.run(() => shows(c, C, /from-b/)));
});
test('a commit on a secondary whose section moved on the primary meanwhile is refused, nothing changed', async () => {
    const c = cluster({}, { loss: 0, duplicate: 0, delayMs: 1, jitterMs: 0 });
    c.elect(A);
    assert.ok(await c.run(() => allInSync(c, A)));
    // B opens its edit, A commits the same section, then B ends.
    const session = c.unit(B).store.beginEdit(['firewall', 'address']);
    assert.ok(typeof session !== 'string');
    for (const line of ['edit "late"', 'set subnet 198.18.9.30 255.255.255.255', 'next'])
        await session.handle(line);
    await c.configure(A, ['firewall', 'address'], address('first', '198.18.9.31'));
    assert.ok(await c.run(() => shows(c, B, /first/)));
    let reply;
    void Promise.resolve(session.handle('end')).then((x) => {
        reply = x;
    });
    assert.ok(await c.run(() => reply !== undefined));
    assert.match(reply?.output ?? '', /Command fail.*firewall\.address differs on the primary TDSIM00000000001/s);
    assert.ok(!shows(c, A, /late/) && !shows(c, B, /late/));
});
test('a unit rejoining with another config gets a full sync and keeps its own as a backup', async () => {
    const c = cluster({
        [C]: 'config firewall address\n    edit "only-c"\n        set subnet 198.18.9.40 255.255.255.255\n    next\nend\n',
    });
    c.elect(A, [A, B]);
    c.elect(A);
    assert.ok(await c.run(() => !shows(c, C, /only-c/) && allInSync(c, A)));
    assert.deepEqual(c.unit(C).applied, [{ full: true, ok: true }]);
    const backups = [...c.unit(C).storage.files.keys()].filter((p) => p.includes('.diverged-'));
    assert.equal(backups.length, 1);
    assert.match(c.unit(C).storage.files.get(backups[0]) ?? '', /only-c/);
    assert.equal(c.unit(C).store.hostname(), 'TDM-C', 'per-unit values kept');
});
test('a push a member refuses marks it out of sync with the reason, and is not retried in a loop', async () => {
    // C reserves port2 for management; a primary making port2 a heartbeat port is refused there.
    const reserve = 'config system ha\n    set ha-mgmt-status enable\n    config ha-mgmt-interfaces\n        edit 1\n            set interface "port2"\n        next\n    end\nend\n';
    const c = cluster({ [C]: reserve });
    c.elect(A);
    assert.ok(await c.run(() => allInSync(c, A)));
    await c.configure(A, ['system', 'ha'], ['set hbdev "ha1" 50 "port2" 50', 'end']);
    assert.ok(await c.run(() => c
        .unit(A)
        .sync.status()
        .find((m) => m.serial === C)?.state === 'out-of-sync'), 'C refused');
    const status = c
        .unit(A)
        .sync.status()
        .find((m) => m.serial === C);
    assert.match(status?.reason ?? '', /refused: .*port2/);
    const tries = c.unit(C).applied.length;
    // Past two periodic hellos, which find the same difference.
    await c.run(() => false, 130_000);
    assert.equal(c.unit(C).applied.length, tries, 'no retry loop');
    assert.equal(c.unit(C).store.haSettings().hbdev.length, 2);
    assert.ok(c
        .unit(C)
        .store.haSettings()
        .hbdev.every((d) => d.port !== 'port2'), 'C kept its own config');
    assert.ok(c
        .unit(B)
        .store.haSettings()
        .hbdev.some((d) => d.port === 'port2'), 'B took it');
});
test("a healed split brain: the new primary's config everywhere, the other side's kept as a backup", async () => {
    const c = cluster();
    c.elect(A);
    assert.ok(await c.run(() => allInSync(c, A)));
    c.elect(A, [A, C]);
    c.elect(B, [B]);
    await c.configure(A, ['firewall', 'address'], address('side-a', '198.18.9.50'));
    await c.configure(B, ['firewall', 'address'], address('side-b', '198.18.9.51'));
    assert.ok(shows(c, B, /side-b/), 'B, alone, committed locally');
    c.elect(A);
    assert.ok(await c.run(() => shows(c, B, /side-a/) && allInSync(c, A)));
    assert.ok(!shows(c, B, /side-b/));
    const backup = [...c.unit(B).storage.files.entries()].find(([p]) => p.includes('.diverged-'));
    assert.match(backup?.[1] ?? '', /side-b/);
});
test('execute ha synchronize start on a secondary asks the primary for a full sync', async () => {
    const c = cluster();
    c.elect(A);
    assert.ok(await c.run(() => allInSync(c, A)));
    assert.match(c.unit(B).sync.synchronize(), /requested from the primary TDSIM00000000001/);
    assert.ok(await c.run(() => c.unit(B).applied.some((a) => a.full && a.ok)));
    assert.match(c.unit(A).sync.synchronize(), /Full configuration sync started to/);
    assert.ok(await c.run(() => c.unit(C).applied.filter((a) => a.full).length === 1));
});
test('checksum cluster: each peer answers with its sums', async () => {
    const c = cluster();
    c.elect(A);
    let got;
    void c
        .unit(A)
        .sync.requestSums(B)
        .then((m) => {
        got = m;
    });
    assert.ok(await c.run(() => got !== undefined));
    assert.equal(got?.checksum.all, c.unit(B).store.checksums().checksum.all);
});
test("a member that heard the new primary's hello before its own view changed is in sync at once, not after the next hello", async () => {
    const c = cluster({}, { loss: 0, duplicate: 0, delayMs: 1, jitterMs: 0 });
    c.elect(B);
    assert.ok(await c.run(() => allInSync(c, A) && allInSync(c, B) && allInSync(c, C)));
    // A's snapshot says it is primary first: its hello reaches B and C while they still follow B.
    c.unit(A).sync.onSnapshot(snapshotOf(A, A, [A, B, C]));
    await c.run(() => false, 20);
    c.elect(A);
    assert.ok(allInSync(c, B) && allInSync(c, C), JSON.stringify(c.unit(B).sync.status()));
});
//# sourceMappingURL=config-sync.test.js.map