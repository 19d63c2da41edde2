/**
 * The GPIO character device's v2 uAPI (linux/gpio.h): the two structures the GPIO driver passes
 * and the ioctl numbers, which embed the structures' sizes. The header spells every field as an
 * explicit __u64/__u32 and pads by hand, so one layout serves every architecture; the fields are
 * native-endian. gpio-v2.test.ts checks this file against the header with a C compiler.
 */
import { endianness } from 'node:os';
export const GPIO_V2_LINES_MAX = 64;
export const GPIO_MAX_NAME_SIZE = 32;
export const GPIO_V2_LINE_NUM_ATTRS_MAX = 10;
export const GPIO_V2_LINE_FLAG_OUTPUT = 1n << 3n;
const LE = endianness() === 'LE';
/** Offsets of fields laid end to end: right for these structures, which have no implicit padding. */
function endToEnd(fields) {
    const out = {};
    let at = 0;
    for (const [name, bytes] of fields) {
        out[name] = at;
        at += bytes;
    }
    out.size = at;
    return out;
}
/** struct gpio_v2_line_config_attribute: a 16-byte struct gpio_v2_line_attribute, then its line mask. */
export const LINE_CONFIG_ATTRIBUTE = endToEnd([
    ['attr', 16],
    ['mask', 8],
]);
export const LINE_CONFIG = endToEnd([
    ['flags', 8],
    ['num_attrs', 4],
    ['padding', 4 * 5],
    ['attrs', GPIO_V2_LINE_NUM_ATTRS_MAX * LINE_CONFIG_ATTRIBUTE.size],
]);
export const LINE_REQUEST = endToEnd([
    ['offsets', 4 * GPIO_V2_LINES_MAX],
    ['consumer', GPIO_MAX_NAME_SIZE],
    ['config', LINE_CONFIG.size],
    ['num_lines', 4],
    ['event_buffer_size', 4],
    ['padding', 4 * 5],
    ['fd', 4],
]);
export const LINE_VALUES = endToEnd([
    ['bits', 8],
    ['mask', 8],
]);
/**
 * _IOWR(type, nr, size) as asm-generic/ioctl.h encodes it for x86, arm and arm64: direction 3
 * (read and write) in bits 30-31, the argument's size in bits 16-29, type and number below.
 */
function iowr(type, nr, size) {
    return ((3 << 30) | (size << 16) | (type << 8) | nr) >>> 0;
}
export const GPIO_V2_GET_LINE_IOCTL = iowr(0xb4, 0x07, LINE_REQUEST.size);
export const GPIO_V2_LINE_SET_VALUES_IOCTL = iowr(0xb4, 0x0f, LINE_VALUES.size);
/**
 * struct gpio_v2_line_request for `r`; every other byte is zero, as the kernel requires of the
 * padding (EINVAL otherwise): no attributes, the default event buffer, fd 0 until the kernel
 * fills it in. Throws RangeError for more lines or a longer consumer than the structure holds.
 */
export function encodeLineRequest(r) {
    if (r.offsets.length > GPIO_V2_LINES_MAX)
        throw new RangeError(`${r.offsets.length} lines in one request: allowed up to ${GPIO_V2_LINES_MAX}`);
    const consumer = Buffer.from(r.consumer, 'utf8');
    if (consumer.length >= GPIO_MAX_NAME_SIZE)
        throw new RangeError(`consumer "${r.consumer}" is ${consumer.length} bytes: allowed up to ${GPIO_MAX_NAME_SIZE - 1}`);
    const bytes = new Uint8Array(LINE_REQUEST.size);
    const view = new DataView(bytes.buffer);
    for (const [i, offset] of r.offsets.entries())
        view.setUint32(LINE_REQUEST.offsets + 4 * i, offset, LE);
    bytes.set(consumer, LINE_REQUEST.consumer);
    view.setBigUint64(LINE_REQUEST.config + LINE_CONFIG.flags, r.flags, LE);
    view.setUint32(LINE_REQUEST.num_lines, r.offsets.length, LE);
    return bytes;
}
/** The line request's file descriptor the kernel wrote into a struct gpio_v2_line_request. */
export function lineRequestFd(request) {
    return new DataView(request.buffer, request.byteOffset, request.byteLength).getInt32(LINE_REQUEST.fd, LE);
}
/** Writes struct gpio_v2_line_values into `into` (LINE_VALUES.size bytes), so a write allocates nothing. */
export function encodeLineValues(into, bits, mask) {
    const view = new DataView(into.buffer, into.byteOffset, into.byteLength);
    view.setBigUint64(LINE_VALUES.bits, bits, LE);
    view.setBigUint64(LINE_VALUES.mask, mask, LE);
}
//# sourceMappingURL=gpio-v2.js.map