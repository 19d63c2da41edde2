import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type StopParts, stopInOrder } from './stop-order.js';

function parts(journal: string[]): StopParts {
  const sync = (name: string) => ({ stop: () => void journal.push(name) });
  const later = async (name: string) => {
    await new Promise((r) => setImmediate(r));
    journal.push(name);
  };
  return {
    remoteLink: sync('remote link'),
    boot: sync('boot'),
    dataPlane: { close: () => void journal.push('data plane') },
    ha: { leave: () => later('ha leave') },
    sessions: { stop: () => later('sessions') },
    configSync: sync('config sync'),
    keys: { close: () => void journal.push('keys') },
    control: { stop: () => later('control') },
    socket: { close: () => later('console socket') },
    consoleLine: { close: () => later('serial console') },
    leds: sync('leds'),
    watchdog: { stop: (why) => later(`watchdog (${why})`) },
    syslog: { close: () => void journal.push('syslog') },
  };
}

test('the data plane stops announcing before the worker hands the ports over; the watchdog stops after all but the syslog', async () => {
  const journal: string[] = [];
  await stopInOrder(parts(journal), 'SIGTERM');
  assert.deepEqual(journal, [
    'remote link',
    'boot',
    'data plane',
    'ha leave',
    'sessions',
    'config sync',
    'keys',
    'control',
    'console socket',
    'serial console',
    'leds',
    'watchdog (SIGTERM)',
    'syslog',
  ]);
});

test('each step waits for the one before: nothing stops while the worker is still leaving', async () => {
  const journal: string[] = [];
  const p = parts(journal);
  let leaving = true;
  p.ha = {
    leave: async () => {
      await new Promise((r) => setTimeout(r, 20));
      leaving = false;
    },
  };
  p.sessions = { stop: () => void journal.push(leaving ? 'sessions while leaving' : 'sessions') };
  await stopInOrder({ ...p, consoleLine: null }, 'restart');
  assert.ok(journal.includes('sessions'), journal.join(', '));
});
