import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLossPercent, lossRuleset } from './link-loss.js';
import { needRig } from './rig.testkit.js';
import { run } from './shell.js';
test('loss percents: 0 to 100 in steps of 0.01; the error names the value and the range', () => {
    assert.equal(checkLossPercent(0, 'ha1'), 0);
    assert.equal(checkLossPercent(12.34, 'ha1'), 12.34);
    assert.equal(checkLossPercent(100, 'ha1'), 100);
    for (const bad of [-1, 100.5, 0.001, Number.NaN]) {
        assert.throws(() => checkLossPercent(bad, 'A:ha1'), new RegExp(`loss ${bad} on A:ha1 is not allowed: use a percent from 0 to 100`));
    }
    assert.throws(() => checkLossPercent(undefined, 'ha1'), /loss on ha1: give a percent from 0 to 100/);
});
test('the ruleset sends each lossy port through one loss chain, ingress rules before egress rules', () => {
    const text = lossRuleset(new Map([
        ['B-ha1', 30],
        ['A-ha1', 30],
        ['A-port2', 0.5],
        ['A-ha2', 100],
    ]));
    const lines = text.split('\n').map((l) => l.trim());
    assert.deepEqual(lines.slice(0, 2), ['table bridge tandem_loss', 'delete table bridge tandem_loss']);
    assert.ok(lines.includes('numgen random mod 10000 < 3000 drop'));
    assert.ok(lines.includes('numgen random mod 10000 < 50 drop'));
    assert.match(text, /chain loss_10000 \{\n\s+drop\n\s+accept/);
    const rules = lines.filter((l) => /^(iif|oif)name/.test(l));
    assert.deepEqual(rules, [
        'iifname { "A-ha1", "B-ha1" } jump loss_3000',
        'iifname { "A-port2" } jump loss_50',
        'iifname { "A-ha2" } jump loss_10000',
        'oifname { "A-ha1", "B-ha1" } jump loss_3000',
        'oifname { "A-port2" } jump loss_50',
        'oifname { "A-ha2" } jump loss_10000',
    ]);
    assert.equal(lossRuleset(new Map([['A-ha1', 0]])), 'table bridge tandem_loss\ndelete table bridge tandem_loss\n');
});
test('nft accepts the ruleset', async (t) => {
    if (!(await needRig(t)))
        return;
    const ns = `tdmlosscheck${process.pid}`;
    await run('ip', ['netns', 'add', ns]);
    t.after(() => run('ip', ['netns', 'del', ns]).catch(() => { }));
    const text = lossRuleset(new Map([
        ['A-ha1', 100],
        ['B-port1', 12.5],
    ]));
    await run('ip', ['netns', 'exec', ns, 'nft', '-c', '-f', '-'], text);
});
//# sourceMappingURL=link-loss.test.js.map