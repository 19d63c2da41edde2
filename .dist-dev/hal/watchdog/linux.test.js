/**
 * The watchdog driver against the device stand-ins a machine without /dev/watchdog has: a
 * regular file and a FIFO (the test rig's sim watchdog), both refusing the ioctls with ENOTTY.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HalError } from '../errors.js';
import { WDIOF_CARDRESET } from './index.js';
import { createLinuxWatchdog } from './linux.js';
function withDir(body) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-wdt-'));
    try {
        body(dir);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
test('a device without ioctls is kicked by writes and closed with the magic character', () => {
    withDir((dir) => {
        const path = join(dir, 'watchdog');
        writeFileSync(path, '');
        const wd = createLinuxWatchdog().open(path, 10);
        assert.equal(wd.timeoutS, null, 'ENOTTY: the device keeps its own timeout');
        assert.equal(wd.kick(), 0);
        assert.equal(wd.kick(), 0);
        wd.close();
        wd.close();
        assert.equal(wd.kick(), 0, 'a kick after close does nothing');
        assert.equal(readFileSync(path, 'latin1'), 'kkV');
    });
});
test('a FIFO with its reader gets every kick; without a reader the open fails at once', () => {
    withDir((dir) => {
        const path = join(dir, 'watchdog');
        const made = spawnSync('mkfifo', [path]);
        assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
        assert.throws(() => createLinuxWatchdog().open(path, 10), (e) => e instanceof HalError && e.errno === 6 && /watchdog .*: open failed .*ENXIO/.test(e.message));
        const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
        try {
            const wd = createLinuxWatchdog().open(path, 10);
            wd.kick();
            wd.close();
            const buf = Buffer.alloc(16);
            const n = readSync(reader, buf);
            assert.equal(buf.subarray(0, n).toString('latin1'), 'kV');
        }
        finally {
            closeSync(reader);
        }
    });
});
test('a missing device is a HalError naming it', () => {
    withDir((dir) => {
        const path = join(dir, 'nope');
        assert.throws(() => createLinuxWatchdog().open(path, 10), (e) => e instanceof HalError && e.message.includes(path) && e.message.includes('ENOENT'));
    });
});
test('boot status comes from the sysfs attribute; garbage or a missing file is unknown', () => {
    withDir((dir) => {
        const path = join(dir, 'bootstatus');
        const wd = createLinuxWatchdog();
        assert.equal(wd.bootStatus(path), undefined);
        writeFileSync(path, `${WDIOF_CARDRESET}\n`);
        assert.equal(wd.bootStatus(path), WDIOF_CARDRESET);
        writeFileSync(path, 'card reset\n');
        assert.equal(wd.bootStatus(path), undefined);
    });
});
//# sourceMappingURL=linux.test.js.map