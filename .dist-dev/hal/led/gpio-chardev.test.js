/**
 * The GPIO driver against the real kernel through koffi. A machine without GPIO chips (this
 * kind of VM: no CONFIG_GPIOLIB) still answers each call: a missing chip is ENOENT from open,
 * and files that are not a chip or a line request refuse both v2 ioctls with ENOTTY: the calls
 * reach the kernel and their errno comes back as HalError. The ioctl numbers themselves are
 * checked against the kernel header in gpio-v2.test.ts.
 */
import assert from 'node:assert/strict';
import { constants, fstatSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { E, HalError } from '../errors.js';
import { createGpioChardev, lineRequest } from './gpio-chardev.js';
function folder(t) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-gpio-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
}
const openFds = () => readdirSync('/proc/self/fd').length;
function halError(errno, message) {
    return (e) => e instanceof HalError && e.errno === errno && message.test(e.message);
}
test('a missing chip is ENOENT, naming the chip', (t) => {
    const chip = join(folder(t), 'gpiochip9');
    assert.throws(() => createGpioChardev().request(chip, [17], 'tandem'), halError(E.ENOENT, /gpio .*gpiochip9: open failed/));
});
test('a file that is not a GPIO chip refuses GPIO_V2_GET_LINE_IOCTL with ENOTTY, and the chip fd is closed', (t) => {
    const file = join(folder(t), 'gpiochip0');
    writeFileSync(file, '');
    const device = createGpioChardev();
    const before = openFds();
    for (const chip of [file, '/dev/null'])
        assert.throws(() => device.request(chip, [17, 18], 'tandem'), halError(E.ENOTTY, /GPIO_V2_GET_LINE_IOCTL lines 17,18 failed \(errno 25, ENOTTY/), chip);
    assert.equal(openFds(), before, 'no fd left open');
});
test('set values on a file that is not a line request is ENOTTY; close closes the fd and later sets make no call', (t) => {
    const file = join(folder(t), 'request');
    writeFileSync(file, '');
    const fd = openSync(file, constants.O_RDWR);
    const lines = lineRequest(fd, 'gpio test');
    assert.throws(() => lines.set(1n, 3n), halError(E.ENOTTY, /gpio test: GPIO_V2_LINE_SET_VALUES_IOCTL mask 0x3 failed \(errno 25, ENOTTY/));
    lines.close();
    assert.throws(() => fstatSync(fd), { code: 'EBADF' });
    assert.throws(() => lines.set(1n, 1n), halError(E.EBADF, /set values failed .*closed/));
    lines.close();
});
//# sourceMappingURL=gpio-chardev.test.js.map