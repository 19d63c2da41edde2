/**
 * A cluster member's store for the config-sync tests: an a-p unit with its own per-unit values
 * (hostname, priority, the mgmt port's address), on the in-memory flash, its wall clock at
 * 2026-12-02 10:39:01 UTC, the changes its listeners heard collected.
 */
import { FAKE_WALL_AT_ZERO_MS, FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { ports } from './schema.fixture.js';
import { ConfigStore } from './store.js';
export const UNIT_PATH = '/flash/tandem.conf';
export const UNIT_FILE = [
    '#config-version=tandem-1',
    'config system global',
    '    set hostname "TDM-A"',
    'end',
    'config system ha',
    '    set mode a-p',
    '    set priority 200',
    '    set hbdev "ha1" 50 "ha2" 50',
    'end',
    'config system interface',
    '    edit "port1"',
    '        set ip 198.18.1.1 255.255.255.0',
    '    next',
    '    edit "port2"',
    '    next',
    '    edit "mgmt"',
    '        set ip 198.18.3.11 255.255.255.0',
    '    next',
    'end',
    '',
].join('\n');
/** A unit loaded from `file`, with its flash, clock, and the changes `onConfigChange` and `onChange` heard. */
export function syncedUnit(file = UNIT_FILE, bootId = 42) {
    const storage = new MemoryStorage();
    storage.files.set(UNIT_PATH, file);
    const clock = new FakeClock(Date.parse('2026-12-02T10:39:01Z') - FAKE_WALL_AT_ZERO_MS);
    const store = new ConfigStore({ storage, path: UNIT_PATH, ports, serial: 'TDM0000000001', clock, bootId });
    store.load();
    const changes = [];
    let plain = 0;
    store.onConfigChange((c) => changes.push(c));
    store.onChange(() => plain++);
    return { store, storage, clock, changes, plain: () => plain };
}
//# sourceMappingURL=store-sync.fixture.js.map