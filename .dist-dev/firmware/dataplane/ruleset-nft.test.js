/**
 * The kernel's own parser on every rendered ruleset: `nft -c -f` inside a throwaway network
 * namespace (checks without applying), then a real load twice over to show the replace works
 * on an empty and on a loaded namespace.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ipRun, nftAvailable } from '../../hal/kernel-gate.testkit.js';
import { ifnameOf, shapes } from './ruleset.fixture.js';
import { renderRuleset } from './ruleset.js';
/** Runs `nft` in namespace `ns`; the error carries nft's own message and the file. */
function nft(ns, args) {
    try {
        return execFileSync('ip', ['netns', 'exec', ns, 'nft', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    }
    catch (e) {
        const stderr = e.stderr ?? '';
        throw new Error(`nft ${args.join(' ')} failed:\n${stderr}`);
    }
}
function withNamespace(t, fn) {
    const ns = `tdm-nft-${process.pid}`;
    const dir = mkdtempSync(join(tmpdir(), 'tdm-nft-'));
    t.after(() => {
        try {
            ipRun(undefined, ['netns', 'del', ns]);
        }
        catch {
            // Already gone when creation itself failed.
        }
        rmSync(dir, { recursive: true, force: true });
    });
    ipRun(undefined, ['netns', 'add', ns]);
    fn(ns, dir);
}
test('every rendered ruleset passes the kernel check (nft -c -f) in a throwaway namespace', (t) => {
    if (!nftAvailable(t))
        return;
    withNamespace(t, (ns, dir) => {
        for (const [i, { name, dp }] of shapes.entries()) {
            const file = join(dir, `shape-${i}.nft`);
            writeFileSync(file, renderRuleset(dp, { ifnameOf }));
            assert.doesNotThrow(() => nft(ns, ['-c', '-f', file]), name);
        }
        assert.equal(nft(ns, ['list', 'ruleset']), '', 'the check applied nothing');
    });
});
test('the check is not a rubber stamp: a broken ruleset is refused', (t) => {
    if (!nftAvailable(t))
        return;
    withNamespace(t, (ns, dir) => {
        const file = join(dir, 'broken.nft');
        const good = renderRuleset(shapes[1]?.dp ?? assert.fail('shape'), { ifnameOf });
        writeFileSync(file, good.replace('ct state new accept', 'ct state new accpet'));
        assert.throws(() => nft(ns, ['-c', '-f', file]), /accpet/);
    });
});
test('loading replaces the whole table in one go: first load, reload with other policies', (t) => {
    if (!nftAvailable(t))
        return;
    withNamespace(t, (ns, dir) => {
        const first = join(dir, 'first.nft');
        const second = join(dir, 'second.nft');
        writeFileSync(first, renderRuleset(shapes.find((s) => s.name === 'nat ippool')?.dp ?? assert.fail('shape'), { ifnameOf }));
        writeFileSync(second, renderRuleset(shapes.find((s) => s.name === 'deny')?.dp ?? assert.fail('shape'), { ifnameOf }));
        nft(ns, ['-f', first]);
        const loaded = nft(ns, ['list', 'table', 'inet', 'tandem']);
        assert.match(loaded, /snat ip to 198\.18\.2\.50-198\.18\.2\.59 comment "policy 9 clients-out"/);
        nft(ns, ['-f', second]);
        const reloaded = nft(ns, ['list', 'ruleset']);
        assert.match(reloaded, /ct state new drop comment "policy 5"/);
        assert.doesNotMatch(reloaded, /policy 9/, 'the old policies are gone');
        assert.equal(reloaded.match(/^table /gm)?.length, 1, 'one table');
    });
});
//# sourceMappingURL=ruleset-nft.test.js.map