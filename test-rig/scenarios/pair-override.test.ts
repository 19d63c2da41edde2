/** A pair with override enabled: priority decides before age, so a recovered unit takes the role back. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { boardStatus } from '../status.js';
import { onePrimary, scenarioRig, stateOf } from './scenario-rig.testkit.js';

const common = { marginS: 1, override: true };

test('a pair with override enabled', async (t) => {
  const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 128 }), rigConfig(1, { ...common, priority: 200 })]);
  if (!sr) return;
  t.after(() => sr.down());

  await t.test('the higher priority unit is elected', async () => {
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']), 'one primary');
    assert.equal(boardStatus(s, 'A').primary, 'B');
  });

  await t.test('kill -9 of the primary: the other takes over', async () => {
    await sr.cli(['fault', 'kill', 'B']);
    await sr.until((x) => stateOf(x, 'A') === 'work', 'A takes over');
  });

  await t.test('the recovered higher-priority unit takes the role back, although younger', async () => {
    await sr.cli(['fault', 'restart', 'B']);
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'B') === 'work', 'B primary again', 30_000);
    const a = boardStatus(s, 'A').ha;
    assert.match(a?.election?.reason ?? '', /highest priority/);
    const b = a?.members.find((m) => m.serial === 'TDSIM00000000002');
    const self = a?.members.find((m) => m.self);
    assert.ok(
      (b?.ageMs ?? Infinity) + 1000 < (self?.ageMs ?? 0),
      `B is the younger unit by more than the margin: in A's view B ${b?.ageMs} ms, A ${self?.ageMs} ms (A's late ticks: ${a?.lateTicks}, worst ${a?.maxTickLateMs} ms)`,
    );
    assert.match(sr.log('A'), /HA state work -> standby/);
  });

  await t.test('a priority raised from the console re-elects at once, heartbeats still accepted', async () => {
    const out = await sr.rig.exec('A', 'config system ha\nset priority 250\nend');
    assert.doesNotMatch(out, /Command fail/);
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary by priority');
    assert.equal(boardStatus(s, 'B').ha?.rejected.replayed, 0, 'no heartbeat dropped as a replay after the change');
    assert.match(await sr.rig.exec('A', 'show system ha'), /set priority 250/);
  });
});
