/**
 * The GPIO character device driver (/dev/gpiochipN, the v2 uAPI of linux/gpio.h) through koffi:
 * GPIO_V2_GET_LINE_IOCTL on the chip requests the lines as outputs and answers with a line
 * request fd, on which GPIO_V2_LINE_SET_VALUES_IOCTL drives them. The kernel holds the values
 * while that fd is open, so it stays open until `close`; the chip's own fd is closed once the
 * request is made (the request keeps the chip). Errors are the kernel's errno as HalError.
 */
import { closeSync, constants, openSync } from 'node:fs';
import { E, HalError } from '../errors.js';
import { errno, errnoText, ioctl, libc } from '../libc.js';
import { encodeLineRequest, encodeLineValues, GPIO_V2_GET_LINE_IOCTL, GPIO_V2_LINE_FLAG_OUTPUT, GPIO_V2_LINE_SET_VALUES_IOCTL, LINE_VALUES, lineRequestFd, } from './gpio-v2.js';
export function createGpioChardev() {
    return {
        request(chip, offsets, consumer) {
            const device = `gpio ${chip}`;
            let chipFd;
            try {
                chipFd = openSync(chip, constants.O_RDWR);
            }
            catch (err) {
                const e = err;
                throw new HalError(device, 'open', Math.abs(e.errno ?? 0), e.code);
            }
            const request = encodeLineRequest({ offsets, consumer, flags: GPIO_V2_LINE_FLAG_OUTPUT });
            try {
                if (ioctl(chipFd, GPIO_V2_GET_LINE_IOCTL, request) !== 0) {
                    const err = errno();
                    throw new HalError(device, `GPIO_V2_GET_LINE_IOCTL lines ${offsets.join(',')}`, err, errnoText(err));
                }
            }
            finally {
                closeSync(chipFd);
            }
            return lineRequest(lineRequestFd(request), device);
        },
    };
}
/**
 * Drives the line request behind `fd` (the kernel's answer to GPIO_V2_GET_LINE_IOCTL) and owns
 * it: `close` closes it. A set after close fails without a call, since the fd number may
 * belong to another file by then.
 */
export function lineRequest(fd, device) {
    const values = new Uint8Array(LINE_VALUES.size);
    let open = true;
    return {
        set(bits, mask) {
            if (!open)
                throw new HalError(device, 'set values', E.EBADF, 'the line request is closed');
            encodeLineValues(values, bits, mask);
            if (ioctl(fd, GPIO_V2_LINE_SET_VALUES_IOCTL, values) !== 0) {
                const err = errno();
                throw new HalError(device, `GPIO_V2_LINE_SET_VALUES_IOCTL mask 0x${mask.toString(16)}`, err, errnoText(err));
            }
        },
        close() {
            if (!open)
                return;
            open = false;
            libc.close(fd);
        },
    };
}
//# sourceMappingURL=gpio-chardev.js.map