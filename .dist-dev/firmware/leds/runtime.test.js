import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simBoard } from '../../board/sim/index.js';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeGpio } from '../../hal/led/gpio.fake.js';
import { FakeLeds } from '../../hal/led/led.fake.js';
import { recordingLog } from '../log/logger.testkit.js';
import { FakeTimers } from '../time/timers.fake.js';
import { LED_REFRESH_MS, LedRuntime } from './runtime.js';
const board = simBoard({ dir: '/sim', serial: 'S', tty: '/dev/null' });
const root = board.ledRoot;
function snap(state, members) {
    return {
        enabled: true,
        state,
        members: Array.from({ length: members }, (_, i) => ({ serial: `S${i}` })),
        refused: [],
        beacons: { ports: [], rivals: [], held: null },
    };
}
function rig(names = board.leds.flatMap((l) => Object.values(l.colours).map(String))) {
    const device = new FakeLeds();
    for (const n of names)
        device.add(root, n);
    const timers = new FakeTimers(new FakeClock());
    const lines = [];
    const runtime = new LedRuntime({ device, gpio: new FakeGpio(), board, timers, log: recordingLog(lines) });
    return { device, timers, lines, runtime, at: (n) => device.pattern(root, n) };
}
test('STATUS blinks while booting; once running the LEDs follow the role and the sync state', () => {
    const r = rig();
    assert.deepEqual(r.at('status:green'), { kind: 'blink', onMs: 500, offMs: 500 });
    assert.deepEqual(r.at('ha:green'), { kind: 'off' });
    let ha = snap('hello', 1);
    let sync = ['in-sync'];
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
    for (const n of ['status:green', 'ha:green', 'ha:amber', 'ha:red', 'sync:green'])
        assert.deepEqual(r.at(n), { kind: 'off' }, n);
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
    for (const l of board.leds)
        for (const n of Object.values(l.colours))
            device.add(root, String(n), ['none']);
    const lines = [];
    const runtime = new LedRuntime({
        device,
        gpio: new FakeGpio(),
        board,
        timers: new FakeTimers(new FakeClock()),
        log: recordingLog(lines),
    });
    runtime.refresh();
    assert.equal(lines.filter((l) => /LED status:green cannot be driven.*errno 22/.test(l)).length, 1);
});
test('GPIO-wired LEDs blink on the timers while booting, follow the state, and go dark and free at stop', () => {
    const chip = '/dev/gpiochip0';
    const gpioBoard = {
        ledRoot: '/sys/class/leds',
        leds: [
            { role: 'status', driver: 'gpio', chip, colours: { green: 17 } },
            { role: 'ha', driver: 'gpio', chip, colours: { green: 5, amber: 6 } },
            { role: 'sync', driver: 'gpio', chip: '/dev/gpiochip3', colours: { green: 1 } },
        ],
    };
    const gpio = new FakeGpio();
    gpio.addChip(chip, 32);
    const timers = new FakeTimers(new FakeClock());
    const lines = [];
    const runtime = new LedRuntime({ device: new FakeLeds(), gpio, board: gpioBoard, timers, log: recordingLog(lines) });
    assert.deepEqual(lines.filter((l) => /cannot be driven/.test(l)), ['event warn LED /dev/gpiochip3 cannot be driven: gpio /dev/gpiochip3: open failed (errno 2, ENOENT)']);
    assert.equal(gpio.high(chip, 17), true, 'STATUS starts its 1 Hz blink lit');
    timers.advance(500);
    assert.equal(gpio.high(chip, 17), false);
    timers.advance(500);
    assert.equal(gpio.high(chip, 17), true);
    runtime.running({ ha: () => snap('work', 2), configSync: () => [], sessionsReady: () => true, alarm: () => undefined });
    timers.advance(LED_REFRESH_MS * 3);
    assert.equal(gpio.high(chip, 17), true, 'steady once running');
    assert.equal(gpio.high(chip, 5), true, 'HA green: primary');
    assert.equal(gpio.high(chip, 6), false);
    const writes = gpio.writes(chip, 17);
    runtime.stop();
    assert.equal(gpio.high(chip, 17), false);
    assert.equal(gpio.high(chip, 5), false);
    assert.equal(gpio.openRequests, 0, 'the lines are released');
    runtime.refresh();
    timers.advance(LED_REFRESH_MS * 3);
    assert.equal(gpio.writes(chip, 17), writes + 1, 'nothing after stop but the darkening');
    assert.equal(timers.armed, 0);
});
//# sourceMappingURL=runtime.test.js.map