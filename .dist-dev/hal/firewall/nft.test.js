/**
 * The nft firewall driver against the real kernel, each test in a throwaway network namespace
 * of its own (`ip netns exec NS nft`): nothing is ever applied to the host's ruleset.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { HalError } from '../errors.js';
import { nftAvailable } from '../kernel-gate.testkit.js';
import { addNetns, deleteNetns } from '../netns.js';
import { createNftFirewall } from './nft.js';
let namespaces = 0;
/** A fresh namespace, removed when the test ends however it ends, and a firewall inside it. */
function inNamespace(t) {
    const ns = `tnft${process.pid}-${namespaces++}`;
    addNetns(ns);
    t.after(() => deleteNetns(ns));
    const list = () => execFileSync('ip', ['netns', 'exec', ns, 'nft', 'list', 'ruleset'], { encoding: 'utf8' });
    return { ns, fw: createNftFirewall(['ip', 'netns', 'exec', ns, 'nft']), list };
}
/** A whole-table replace, as the data plane renders it, marked with `generation`. */
function ruleset(generation, extra = '') {
    return [
        'table inet tdmtest',
        'delete table inet tdmtest',
        'table inet tdmtest {',
        '  chain forward {',
        '    type filter hook forward priority 0; policy drop;',
        `    counter comment "generation ${generation}"`,
        extra,
        '  }',
        '}',
        '',
    ].join('\n');
}
const generations = (text) => [...text.matchAll(/comment "generation (\d+)"/g)].map((m) => Number(m[1]));
test('an applied ruleset is what the kernel holds', async (t) => {
    if (!nftAvailable(t))
        return;
    const { ns, fw, list } = inNamespace(t);
    assert.equal(list(), '', 'a new namespace has no ruleset');
    await fw.apply(ruleset(1));
    const tables = execFileSync('ip', ['netns', 'exec', ns, 'nft', 'list', 'tables'], { encoding: 'utf8' });
    assert.match(tables, /^table inet tdmtest$/m);
    assert.deepEqual(generations(list()), [1]);
    await fw.apply(ruleset(2));
    assert.deepEqual(generations(list()), [2], 'the replace leaves one table with the new rules');
});
test('a ruleset nft cannot parse is refused with its message, and the previous one stays in force', async (t) => {
    if (!nftAvailable(t))
        return;
    const { fw, list } = inNamespace(t);
    await fw.apply(ruleset(1));
    await assert.rejects(fw.apply(ruleset(2, '    ct state new accpet')), (e) => {
        assert.ok(e instanceof HalError, `${e}`);
        assert.equal(e.device, 'nftables');
        assert.equal(e.operation, 'apply');
        assert.match(e.message, /Error: syntax error/);
        assert.match(e.message, /accpet/, 'the offending text as nft shows it');
        return true;
    });
    assert.deepEqual(generations(list()), [1]);
});
test('a ruleset the kernel refuses half-way is not applied in part', async (t) => {
    if (!nftAvailable(t))
        return;
    const { fw, list } = inNamespace(t);
    await fw.apply(ruleset(1));
    // Parses, then fails in the kernel after the table was deleted and rebuilt in the transaction.
    const refused = `${ruleset(2)}add rule inet tdmtest nosuchchain counter\n`;
    await assert.rejects(fw.apply(refused), (e) => {
        assert.ok(e instanceof HalError, `${e}`);
        assert.match(e.message, /Error: /);
        assert.match(e.message, /nosuchchain/);
        return true;
    });
    assert.deepEqual(generations(list()), [1]);
});
test('applies run one at a time in the order asked: the last one is left in force', async (t) => {
    if (!nftAvailable(t))
        return;
    const { fw, list } = inNamespace(t);
    const done = [];
    const runs = [1, 2, 3, 4, 5, 6].map((g) => fw.apply(ruleset(g)).then(() => done.push(g)));
    await Promise.all(runs);
    assert.deepEqual(done, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(generations(list()), [6]);
});
test('two quick applies: the second wins', async (t) => {
    if (!nftAvailable(t))
        return;
    const { fw, list } = inNamespace(t);
    const first = fw.apply(ruleset(1));
    const second = fw.apply(ruleset(2));
    await Promise.all([first, second]);
    assert.deepEqual(generations(list()), [2]);
});
test('a refused apply does not hold up the ones queued behind it', async (t) => {
    if (!nftAvailable(t))
        return;
    const { fw, list } = inNamespace(t);
    const good = fw.apply(ruleset(1));
    const bad = fw.apply('table inet tdmtest { chain forward { nonsense } }\n');
    const last = fw.apply(ruleset(3));
    await good;
    await assert.rejects(bad, HalError);
    await last;
    assert.deepEqual(generations(list()), [3]);
});
test('an nft that cannot be started rejects with a HalError naming the command, at once', async () => {
    const started = performance.now();
    await assert.rejects(createNftFirewall(['/nonexistent/tdm-nft']).apply('table inet t {}'), (e) => {
        assert.ok(e instanceof HalError, `${e}`);
        assert.match(e.message, /cannot run \/nonexistent\/tdm-nft/);
        return true;
    });
    assert.ok(performance.now() - started < 5000);
});
//# sourceMappingURL=nft.test.js.map