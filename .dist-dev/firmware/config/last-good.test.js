/**
 * Nothing lost on flash, on the store with the in-memory flash: temp files of an interrupted
 * save swept at load, the last good copy kept after each applied config, and a boot that falls
 * back to it (keeping the bad file, raising an alarm) when the file is unusable.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HalError } from '../../hal/errors.js';
import { createFileStorage } from '../../hal/storage/fs.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { setLogSink } from '../log/logger.js';
import { syncEditor } from './editor.testkit.js';
import { ConfigError } from './errors.js';
import { badCopyPath, fileStamp, lastGoodBody, lastGoodStamp } from './last-good.js';
import { ports } from './schema.fixture.js';
import { ConfigStore } from './store.js';
const logged = [];
setLogSink((r) => logged.push(r));
const PATH = '/flash/tandem.conf';
const GOOD_COPY = `${PATH}.last-good`;
const AT = '2026-12-02T10:39:01.500Z';
const GOOD = '#config-version=tandem-1\nconfig system global\n    set hostname "fw-a"\nend\n';
const BAD = 'config system global\n    set hostname "fw-a"\nend\nconfig system ha\n    set priority 999\nend\n';
function store(storage, at = AT) {
    return new ConfigStore({
        storage,
        path: PATH,
        ports,
        serial: 'TDM0000000042',
        clock: { wallMs: () => Date.parse(at), nowMs: () => 0 },
    });
}
/** A flash whose config was applied once (so it has its last good copy), then replaced by `text`. */
function flashWithCopy(text) {
    const storage = new MemoryStorage();
    storage.files.set(PATH, GOOD);
    const s = store(storage, '2026-12-01T08:00:00.000Z');
    s.load();
    s.markGood();
    storage.files.set(PATH, text);
    return storage;
}
test('file stamps are UTC, to the second', () => {
    assert.equal(fileStamp(AT), '20261202-103901');
});
test('load sweeps the temp files an interrupted save left, and only those', () => {
    const storage = new MemoryStorage();
    storage.files.set(PATH, GOOD);
    for (const name of ['.tandem.conf.412.9f3a01bc.tmp', '.tandem.conf.last-good.77.00ff00ff.tmp', '.other.conf.1.aa.tmp'])
        storage.files.set(`/flash/${name}`, 'half a config');
    storage.files.set('/flash/run-record', 'x');
    store(storage).load();
    assert.deepEqual(storage.list('/flash'), ['.other.conf.1.aa.tmp', 'run-record', 'tandem.conf']);
    assert.ok(logged.some((r) => r.message === 'removed .tandem.conf.412.9f3a01bc.tmp, left by an interrupted save'));
});
test('markGood writes the last good copy atomically, stamped, and only when it changed', () => {
    const storage = new MemoryStorage();
    storage.files.set(PATH, GOOD);
    const s = store(storage);
    s.load();
    s.markGood();
    const copy = storage.read(GOOD_COPY) ?? '';
    assert.equal(lastGoodStamp(copy), '20261202-103901');
    assert.equal(lastGoodBody(copy), s.text());
    const writes = storage.writes;
    s.markGood();
    assert.equal(storage.writes, writes, 'unchanged: nothing written');
    const session = syncEditor(s.beginEdit(['system', 'global']));
    assert.equal(session.handle('set hostname fw-b').output, '');
    assert.equal(session.handle('end').output, '');
    assert.equal(lastGoodBody(storage.read(GOOD_COPY) ?? ''), lastGoodBody(copy), 'a commit alone does not make it good');
    s.markGood();
    assert.match(storage.read(GOOD_COPY) ?? '', /set hostname "fw-b"/);
});
test('markGood on a failing flash logs and never throws', () => {
    const storage = new MemoryStorage();
    const s = store(storage);
    s.load();
    storage.failWrites = true;
    s.markGood();
    assert.ok(logged.some((r) => r.event && r.level === 'warn' && r.message.startsWith(`could not save ${GOOD_COPY}: ENOSPC`)));
});
test('an invalid file: the bad one kept, the last good copy booted and written back, an error event and the alarm', () => {
    const storage = flashWithCopy(BAD);
    logged.length = 0;
    const s = store(storage);
    s.load();
    assert.equal(s.hostname(), 'fw-a');
    const kept = `${PATH}.bad-20261202-103901`;
    assert.equal(storage.read(kept), BAD);
    assert.equal(storage.read(PATH), lastGoodBody(storage.read(GOOD_COPY) ?? ''));
    const alarm = `configuration ${PATH} unusable (line 5: config system ha: set priority 999: out of range, allowed 0-255): ` +
        `booted from the last good copy saved 20261201-080000, kept as ${kept}`;
    assert.deepEqual(s.bootSource(), { kind: 'last-good', alarm });
    assert.deepEqual(logged.filter((r) => r.event).map((r) => [r.level, r.message]), [['error', alarm]]);
    // The next boot reads the restored file as usual.
    const again = store(storage);
    again.load();
    assert.deepEqual(again.bootSource(), { kind: 'file' });
});
test('an unreadable file: booted from the last good copy, nothing of the bad one to keep', () => {
    const storage = flashWithCopy(GOOD);
    const read = storage.read.bind(storage);
    let broken = true;
    storage.read = (p) => {
        if (p === PATH && broken)
            throw new HalError('storage', `read ${p}`, 5, 'EIO');
        return read(p);
    };
    const s = store(storage);
    s.load();
    broken = false;
    assert.equal(s.bootSource().kind, 'last-good');
    assert.match(s.bootSource().alarm ?? '', /unusable \(.*EIO.*\): booted from .* \(it could not be read, so no copy of it is kept\)$/);
    assert.equal(storage.read(PATH), lastGoodBody(storage.read(GOOD_COPY) ?? ''));
    assert.deepEqual(storage.list('/flash'), ['tandem.conf', 'tandem.conf.last-good']);
});
test('two bad boots in one second keep both bad files', () => {
    const storage = flashWithCopy(BAD);
    store(storage).load();
    storage.files.set(PATH, `${BAD}# second\n`);
    store(storage).load();
    assert.equal(storage.read(`${PATH}.bad-20261202-103901`), BAD);
    assert.equal(storage.read(`${PATH}.bad-20261202-103901-2`), `${BAD}# second\n`);
    assert.equal(badCopyPath(storage, PATH, AT), `${PATH}.bad-20261202-103901-3`);
});
test('both bad, or no copy: load throws the file error and writes nothing', () => {
    const storage = new MemoryStorage();
    storage.files.set(PATH, BAD);
    assert.throws(() => store(storage).load(), (err) => err instanceof ConfigError && err.line === 5);
    storage.files.set(GOOD_COPY, '#last-good-saved=20261201-080000\nconfig system nope\nend\n');
    assert.throws(() => store(storage).load(), (err) => err instanceof ConfigError && err.line === 5);
    assert.equal(storage.writes, 0);
    assert.deepEqual(storage.list('/flash'), ['tandem.conf', 'tandem.conf.last-good']);
});
test('a missing file still means defaults, whatever copy exists', () => {
    const storage = flashWithCopy(GOOD);
    storage.files.delete(PATH);
    const s = store(storage);
    s.load();
    assert.deepEqual(s.bootSource(), { kind: 'defaults' });
    assert.equal(s.hostname(), 'TDM0000000042');
});
test('on a real filesystem: sweep, last good copy and fallback', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-last-good-'));
    try {
        const storage = createFileStorage();
        const path = join(dir, 'tandem.conf');
        const open = () => new ConfigStore({ storage, path, ports, serial: 'TDM0000000042', clock: { wallMs: () => Date.parse(AT), nowMs: () => 0 } });
        writeFileSync(path, GOOD);
        writeFileSync(join(dir, '.tandem.conf.99.0badf00d.tmp'), 'config sys');
        const first = open();
        first.load();
        first.markGood();
        assert.deepEqual(readdirSync(dir).sort(), ['tandem.conf', 'tandem.conf.last-good']);
        writeFileSync(path, BAD);
        const second = open();
        second.load();
        assert.equal(second.bootSource().kind, 'last-good');
        assert.deepEqual(readdirSync(dir).sort(), ['tandem.conf', 'tandem.conf.bad-20261202-103901', 'tandem.conf.last-good']);
        assert.equal(readFileSync(join(dir, 'tandem.conf.bad-20261202-103901'), 'utf8'), BAD);
        assert.equal(second.hostname(), 'fw-a');
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
//# sourceMappingURL=last-good.test.js.map