/**
 * Nothing lost on flash (issue 9 item 3, docs/config-sync-plan.md §5): B is killed with
 * SIGKILL while commits stream in from its console, twenty times; after each kill its config
 * file reads back whole (no half-written file, no commit lost that an earlier kill kept) and B
 * boots from it, the temp files of the interrupted save swept. Then B's config is corrupted
 * while it is down: it boots from its last good copy, keeps the bad file, and says so in its
 * log and in `get system status`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { simBoard } from '../../board/sim/index.js';
import { firewallAddress } from '../../firmware/config/schema-firewall.js';
import { firmwareSchema } from '../../firmware/config/schema-system.js';
import { tableEntries } from '../../firmware/config/tree.js';
import { treeFromText } from '../../firmware/config/tree-from-text.js';
import { seededRandom } from '../../lib/seeded-random.testkit.js';
import { boardConfigFile, boardSerial } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { boardStatus } from '../status.js';
import { scenarioRig } from './scenario-rig.testkit.js';
const ROUNDS = 20;
/** Commits one console run sends: more than a kill ever lets finish. */
const COMMITS_PER_RUN = 200;
/** The sim board as B's config parser sees it. */
const ctx = {
    serial: boardSerial(1),
    ports: simBoard({ dir: '/', serial: boardSerial(1), tty: '' }).ports.map((p) => ({ name: p.name, role: p.role })),
};
/** `config firewall address` commits, one address each: the file grows with every one that lands. */
function commits(round) {
    const lines = [];
    for (let i = 0; i < COMMITS_PER_RUN; i++) {
        lines.push('config firewall address', `edit r${round}-${i}`, `set subnet 198.18.${round}.${i % 250}/32`, 'next', 'end');
    }
    return lines.join('\n');
}
const addresses = (tree) => tableEntries(tree, firewallAddress).length;
const started = (s) => boardStatus(s, 'B').starts;
const booted = (s, starts) => boardStatus(s, 'B').starts === starts && boardStatus(s, 'B').process === 'alive' && boardStatus(s, 'B').ha !== null;
/** Restarts the killed B and waits until it answers again. */
async function restartB(sr, what) {
    const starts = started(await sr.rig.status()) + 1;
    await sr.rig.fault('restart', 'B');
    await sr.until((s) => booted(s, starts), `${what}: B boots`, 20_000);
}
test('config durability: kill -9 during commits, and a corrupted config', async (t) => {
    // B keeps its own configuration (`sync-config disable`): what is tested is its flash. With
    // sync, a B that boots and commits before it has joined A would take A's configuration on
    // joining, as config sync means it to (its own kept as a diverged backup).
    const sr = await scenarioRig(t, [rigConfig(0), rigConfig(1, { haLines: ['set sync-config disable'] })], 'booted');
    if (!sr)
        return;
    t.after(() => sr.down());
    const file = boardConfigFile(sr.name, 'B');
    const flash = dirname(file);
    await t.test(`${ROUNDS} kills of B while it commits: the file always reads back, never loses a commit, and boots`, async () => {
        const random = seededRandom(9);
        let kept = 0;
        let interrupted = 0;
        for (let round = 1; round <= ROUNDS; round++) {
            const before = statSync(file).mtimeMs;
            const typing = sr.rig.exec('B', commits(round), 30_000).catch(() => 'killed');
            await sr.until(() => statSync(file).mtimeMs !== before, `round ${round}: B commits`, 10_000);
            await sleep(Math.floor(random() * 40));
            await sr.rig.fault('kill', 'B');
            await typing;
            const text = readFileSync(file, 'utf8');
            let tree;
            try {
                tree = treeFromText(text, firmwareSchema, ctx);
            }
            catch (err) {
                assert.fail(`round ${round}: B's config does not parse after the kill: ${err.message}`);
            }
            const now = addresses(tree);
            assert.ok(now > kept, `round ${round}: ${now} addresses on flash, ${kept} before: a commit landed and none was lost`);
            kept = now;
            if (readdirSync(flash).some((n) => n.endsWith('.tmp')))
                interrupted++;
            await restartB(sr, `round ${round}`);
            assert.deepEqual(readdirSync(flash).filter((n) => n.endsWith('.tmp')), [], `round ${round}: the boot swept the temp files`);
        }
        t.diagnostic(`${kept} commits on flash after ${ROUNDS} kills; ${interrupted} kills left a half-written temp file`);
        assert.match(await sr.rig.exec('B', 'show firewall address'), new RegExp(`edit "r${ROUNDS}-0"`), 'B runs the config it saved last');
        assert.doesNotMatch(await sr.rig.exec('B', 'get system status'), /^Configuration:/m, 'no kill ever needed the fallback');
    });
    await t.test('a corrupted config: B boots from its last good copy, keeps the bad file, raises the alarm', async () => {
        const good = `${file}.last-good`;
        await sr.until(() => {
            try {
                return readFileSync(good, 'utf8').includes(`edit "r${ROUNDS}-0"`);
            }
            catch {
                return false;
            }
        }, 'B records its running config as the last good copy');
        await sr.rig.fault('kill', 'B');
        const text = readFileSync(file, 'utf8');
        const corrupted = `${text.slice(0, Math.floor(text.length / 2))}\u0000\u0007#garbage`;
        writeFileSync(file, corrupted);
        const mark = sr.mark('B');
        await restartB(sr, 'corrupted config');
        const status = await sr.rig.exec('B', 'get system status');
        const alarm = /^Configuration: (configuration .*)$/m.exec(status)?.[1] ?? '';
        assert.match(alarm, /^configuration \S+\/tandem\.conf unusable \(line \d+: .*\): booted from the last good copy saved \d{8}-\d{6}, kept as \S+\/tandem\.conf\.bad-\d{8}-\d{6}$/, status);
        assert.ok(sr.log('B', mark).includes(alarm), 'the alarm is in firmware.log');
        const keptAs = /kept as (\S+)$/.exec(alarm)?.[1] ?? '';
        assert.equal(readFileSync(keptAs, 'utf8'), corrupted, 'the bad file is kept as it was');
        const restored = readFileSync(file, 'utf8');
        assert.equal(addresses(treeFromText(restored, firmwareSchema, ctx)) > 0, true, 'the good copy is the config again');
        assert.match(await sr.rig.exec('B', 'show firewall address'), /edit "r1-0"/);
    });
});
//# sourceMappingURL=config-durability.test.js.map