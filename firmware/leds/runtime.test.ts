import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simBoard } from '../../board/sim/index.js';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeLeds } from '../../hal/led/led.fake.js';
import type { MemberSyncState } from '../control/config-sync.js';
import type { HaSnapshot } from '../ha/snapshot.js';
import { recordingLog } from '../log/logger.testkit.js';
import { FakeTimers } from '../time/timers.fake.js';
import { LED_REFRESH_MS, LedRuntime } from './runtime.js';

const board = simBoard({ dir: '/sim', serial: 'S', tty: '/dev/null' });
const root = board.ledRoot;

function snap(state: HaSnapshot['state'], members: number): HaSnapshot {
  return {
    enabled: true,
    state,
    members: Array.from({ length: members }, (_, i) => ({ serial: `S${i}` })),
    refused: [],
    beacons: { ports: [], rivals: [], held: null },
  } as unknown as HaSnapshot;
}

function rig(names = board.leds.flatMap((l) => Object.values(l.colours).map(String))) {
  const device = new FakeLeds();
  for (const n of names) device.add(root, n);
  const timers = new FakeTimers(new FakeClock());
  const lines: string[] = [];
  const runtime = new LedRuntime({ device, board, timers, log: recordingLog(lines) });
  return { device, timers, lines, runtime, at: (n: string) => device.pattern(root, n) };
}

test('STATUS blinks while booting; once running the LEDs follow the role and the sync state', () => {
  const r = rig();
  assert.deepEqual(r.at('status:green'), { kind: 'blink', onMs: 500, offMs: 500 });
  assert.deepEqual(r.at('ha:green'), { kind: 'off' });
  let ha = snap('hello', 1);
  let sync: MemberSyncState[] = ['in-sync'];
  r.runtime.running({ ha: () => ha, configSync: () => sync, sessionsReady: () => true, alarm: () => undefined });
  assert.deepEqual(r.at('status:green'), { kind: 'on' });
  assert.deepEqual(r.at('ha:amber'), { kind: 'blink', onMs: 125, offMs: 125 });
  assert.deepEqual(r.at('sync:green'), { kind: 'off' });

  ha = snap('standby', 2);
  sync = ['syncing', 'in-sync'];
  r.runtime.refresh();
  assert.deepEqual(r.at('ha:amber'), { kind: 'off' });
  assert.deepEqual(r.at('ha:green'), { kind: 'blink', onMs: 500, offMs: 500 });
  assert.deepEqual(r.at('sync:green'), { kind: 'blink', onMs: 500, offMs: 500 });

  // The config sync state announces nothing: the periodic refresh picks it up.
  sync = ['in-sync', 'in-sync'];
  r.timers.advance(LED_REFRESH_MS - 1);
  assert.deepEqual(r.at('sync:green'), { kind: 'blink', onMs: 500, offMs: 500 });
  r.timers.advance(1);
  assert.deepEqual(r.at('sync:green'), { kind: 'on' });
  assert.equal(r.device.writes(root, 'status:green'), 2, 'unchanged patterns are not written again');
});

test('stop darkens every LED and ends the refresh', () => {
  const r = rig();
  r.runtime.running({
    ha: () => snap('work', 2),
    configSync: () => ['in-sync', 'in-sync'],
    sessionsReady: () => true,
    alarm: () => undefined,
  });
  assert.deepEqual(r.at('ha:green'), { kind: 'on' });
  r.runtime.stop();
  for (const n of ['status:green', 'ha:green', 'ha:amber', 'ha:red', 'sync:green']) assert.deepEqual(r.at(n), { kind: 'off' }, n);
  const writes = r.device.writes(root, 'ha:green');
  r.timers.advance(LED_REFRESH_MS * 3);
  assert.equal(r.device.writes(root, 'ha:green'), writes);
});

test('a missing LED is said once and the others still work; errors keep the firmware running', () => {
  const r = rig(['status:green', 'ha:green', 'ha:amber', 'sync:green']);
  assert.equal(r.lines.filter((l) => /LED ha:red cannot be driven.*errno 2/.test(l)).length, 1);
  let ha = snap('work', 2);
  r.runtime.running({ ha: () => ha, configSync: () => [], sessionsReady: () => true, alarm: () => undefined });
  assert.deepEqual(r.at('ha:green'), { kind: 'on' });

  r.device.leds.delete(`${root}/ha:green`);
  r.runtime.refresh();
  assert.equal(r.lines.filter((l) => /LED ha:green/.test(l)).length, 0, 'unchanged pattern: no write, no error');
  ha = snap('standby', 2);
  r.runtime.refresh();
  r.timers.advance(LED_REFRESH_MS * 2);
  assert.equal(r.lines.filter((l) => /LED ha:green cannot be driven.*errno 2/.test(l)).length, 1);
  assert.deepEqual(r.at('sync:green'), { kind: 'blink', onMs: 500, offMs: 500 }, 'the other LEDs still follow');
});

test("an alarm blinks STATUS fast on the board's only STATUS LED", () => {
  const r = rig();
  r.runtime.running({
    ha: () => snap('work', 1),
    configSync: () => ['in-sync'],
    sessionsReady: () => true,
    alarm: () => 'config unusable',
  });
  assert.deepEqual(r.at('status:green'), { kind: 'blink', onMs: 125, offMs: 125 });
  assert.deepEqual(r.at('ha:amber'), { kind: 'on' }, 'running alone');
});

test('a blink the kernel refuses (no timer trigger) is logged once per failure', () => {
  const device = new FakeLeds();
  for (const l of board.leds) for (const n of Object.values(l.colours)) device.add(root, String(n), ['none']);
  const lines: string[] = [];
  const runtime = new LedRuntime({ device, board, timers: new FakeTimers(new FakeClock()), log: recordingLog(lines) });
  runtime.refresh();
  assert.equal(lines.filter((l) => /LED status:green cannot be driven.*errno 22/.test(l)).length, 1);
});
