import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PauseReader } from './cpu-pauses.js';

const WORKER = 500;
const MAIN = 400;

/** `perf script -F tid,cpu,time,event,trace` lines, times in ms. */
const clock = (cpu: number, ms: number, tid = MAIN) => `${tid} [00${cpu}] ${(ms / 1000).toFixed(6)}: cpu-clock/period=1000000/: `;
const waking = (cpu: number, ms: number, pid: number) =>
  `${MAIN} [00${cpu}] ${(ms / 1000).toFixed(6)}: sched:sched_waking: comm=node pid=${pid} prio=49 target_cpu=000`;
const sw = (cpu: number, ms: number, prev: number, next: number) =>
  `${prev} [00${cpu}] ${(ms / 1000).toFixed(6)}: sched:sched_switch: prev_comm=node prev_pid=${prev} prev_prio=120 prev_state=R ==> next_comm=node next_pid=${next} next_prio=49`;

function read(lines: readonly string[]) {
  const r = new PauseReader([WORKER]);
  for (const l of lines) r.line(l);
  return r.result();
}

test('a busy CPU silent for longer than its clock explains the worker woken meanwhile', () => {
  const got = read([
    sw(0, 1000, 0, MAIN),
    clock(0, 1001),
    waking(1, 1001.5, WORKER),
    // cpu0 stands still for 9 ms: not even its clock sample comes.
    sw(0, 1010.5, MAIN, WORKER),
    sw(0, 1010.7, WORKER, MAIN),
    clock(0, 1011),
    waking(0, 1011.2, WORKER),
    sw(0, 1011.5, MAIN, WORKER),
  ]);
  assert.equal(got.pauses, 1);
  assert.equal(got.longestPauseMs, 9.5);
  assert.equal(got.wakeups, 2);
  assert.equal(got.wakeMaxMs, 9);
  assert.equal(got.lateOver1Ms, 1);
  assert.equal(got.lateOver1MsInPause, 1);
  assert.equal(got.worstGuestMs, 0.3);
});

test('a late wake-up on a CPU that kept its clock is the guest own', () => {
  const got = read([
    sw(0, 1000, 0, MAIN),
    waking(1, 1000.2, WORKER),
    clock(0, 1001),
    clock(0, 1002),
    sw(0, 1002.7, MAIN, WORKER),
  ]);
  assert.equal(got.pauses, 0);
  assert.equal(got.lateOver1Ms, 1);
  assert.equal(got.lateOver1MsInPause, 0);
  assert.equal(got.worstGuestMs, 2.5);
});

test('a wake-up waiting for a halted CPU is the hypervisor own; the CPU it ran on must be the one woken', () => {
  const got = read([
    sw(0, 1000, MAIN, 0),
    sw(1, 1000, 0, MAIN),
    waking(1, 1001, WORKER),
    clock(1, 1002),
    clock(1, 1003),
    sw(0, 1004, 0, WORKER),
    clock(1, 1004),
    sw(0, 1004.1, WORKER, 0),
    waking(1, 1005, WORKER),
    // Moved to the busy CPU instead: not the idle CPU's wait.
    sw(1, 1006.5, MAIN, WORKER),
  ]);
  assert.equal(got.lateOver1Ms, 2);
  assert.equal(got.lateOver1MsIdleCpu, 1);
  assert.equal(got.lateOver1MsInPause, 0);
  assert.equal(got.worstGuestMs, 1.5);
});

test('an idle CPU is silent without standing still; other threads and foreign lines do not count', () => {
  const got = read([
    sw(1, 1000, MAIN, 0),
    'a line perf prints that is no event',
    waking(0, 1001, 777),
    sw(1, 1050, 0, 777),
    clock(1, 1051),
  ]);
  assert.equal(got.pauses, 0);
  assert.equal(got.wakeups, 0);
  assert.equal(got.wakeMaxMs, 0);
});

test('pauses overlapping a window: each counted once, only the part inside it', () => {
  const r = new PauseReader([]);
  for (const l of [sw(0, 1000, 0, MAIN), clock(0, 1001), clock(0, 1006), sw(1, 1000, 0, MAIN), clock(1, 1003), clock(1, 1004)])
    r.line(l);
  assert.deepEqual(r.pausedBetween(1002, 1010), { pauses: 2, pausedMs: 5 });
  assert.deepEqual(r.pausedBetween(1006, 1010), { pauses: 0, pausedMs: 0 });
});

test('a wake-up of the worker while it runs is no wait: a later switch-in after a preemption is not timed', () => {
  const got = read([
    sw(0, 1000, MAIN, WORKER),
    waking(1, 1000.2, WORKER),
    sw(0, 1000.5, WORKER, MAIN),
    clock(0, 1001),
    clock(0, 1002),
    sw(0, 1003, MAIN, WORKER),
  ]);
  assert.equal(got.wakeups, 0);
});

test("the workers' waits for a CPU in a window: wake-ups due in it, summed and the longest", () => {
  const r = new PauseReader([WORKER, WORKER + 1]);
  for (const l of [
    sw(0, 1000, 0, MAIN),
    waking(1, 1001, WORKER),
    sw(0, 1001.25, MAIN, WORKER),
    waking(1, 1002, WORKER + 1),
    sw(1, 1003.5, MAIN, WORKER + 1),
    waking(1, 1010, WORKER),
    sw(0, 1010.5, MAIN, WORKER),
  ]) {
    r.line(l);
  }
  assert.deepEqual(r.waitedBetween(1000, 1005), { wakeups: 2, waitedMs: 1.75, longestMs: 1.5 });
  assert.deepEqual(r.waitedBetween(1005, 1020), { wakeups: 1, waitedMs: 0.5, longestMs: 0.5 });
  assert.deepEqual(r.waitedBetween(1020, 1030), { wakeups: 0, waitedMs: 0, longestMs: 0 });
});
