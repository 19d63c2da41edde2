/**
 * The v2 uAPI layout and ioctl numbers against the kernel's own header (a C program compiled
 * here prints what the compiler makes of linux/gpio.h), and the encoder's bytes read back at
 * the header's offsets.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { encodeLineRequest, encodeLineValues, GPIO_MAX_NAME_SIZE, GPIO_V2_GET_LINE_IOCTL, GPIO_V2_LINE_FLAG_OUTPUT, GPIO_V2_LINE_NUM_ATTRS_MAX, GPIO_V2_LINE_SET_VALUES_IOCTL, GPIO_V2_LINES_MAX, LINE_CONFIG, LINE_CONFIG_ATTRIBUTE, LINE_REQUEST, LINE_VALUES, lineRequestFd, } from './gpio-v2.js';
const LE = endianness() === 'LE';
const HEADER = '/usr/include/linux/gpio.h';
const PROGRAM = `#include <stddef.h>
#include <stdio.h>
#include <linux/gpio.h>
#define SIZE(s) printf(#s ".size %zu\\n", sizeof(struct s))
#define AT(s, f) printf(#s "." #f " %zu\\n", offsetof(struct s, f))
#define NUMBER(n) printf(#n " %llu\\n", (unsigned long long)(n))
int main(void) {
  SIZE(gpio_v2_line_request);
  AT(gpio_v2_line_request, offsets);
  AT(gpio_v2_line_request, consumer);
  AT(gpio_v2_line_request, config);
  AT(gpio_v2_line_request, num_lines);
  AT(gpio_v2_line_request, event_buffer_size);
  AT(gpio_v2_line_request, padding);
  AT(gpio_v2_line_request, fd);
  SIZE(gpio_v2_line_config);
  AT(gpio_v2_line_config, flags);
  AT(gpio_v2_line_config, num_attrs);
  AT(gpio_v2_line_config, padding);
  AT(gpio_v2_line_config, attrs);
  SIZE(gpio_v2_line_config_attribute);
  AT(gpio_v2_line_config_attribute, attr);
  AT(gpio_v2_line_config_attribute, mask);
  SIZE(gpio_v2_line_values);
  AT(gpio_v2_line_values, bits);
  AT(gpio_v2_line_values, mask);
  NUMBER(GPIO_V2_LINES_MAX);
  NUMBER(GPIO_MAX_NAME_SIZE);
  NUMBER(GPIO_V2_LINE_NUM_ATTRS_MAX);
  NUMBER(GPIO_V2_LINE_FLAG_OUTPUT);
  NUMBER(GPIO_V2_GET_LINE_IOCTL);
  NUMBER(GPIO_V2_LINE_SET_VALUES_IOCTL);
  return 0;
}
`;
/** Why the header cannot be compiled against here, or null. */
function compilerMissing() {
    if (!existsSync(HEADER))
        return `needs the kernel's uAPI headers (${HEADER}, linux-libc-dev)`;
    try {
        execFileSync('gcc', ['--version'], { stdio: 'ignore' });
        return null;
    }
    catch {
        return 'needs gcc on PATH';
    }
}
/** What the compiler makes of the header: "struct.field" or a constant's name, to its number. */
function fromHeader(t) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-gpio-h-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'layout.c'), PROGRAM);
    execFileSync('gcc', ['-Wall', '-Werror', '-o', join(dir, 'layout'), join(dir, 'layout.c')], { stdio: 'pipe' });
    const out = execFileSync(join(dir, 'layout'), { encoding: 'utf8' });
    return new Map(out
        .trim()
        .split('\n')
        .map((line) => {
        const [name = '', value = ''] = line.split(' ');
        return [name, BigInt(value)];
    }));
}
function ours() {
    const structs = [
        ['gpio_v2_line_request', LINE_REQUEST],
        ['gpio_v2_line_config', LINE_CONFIG],
        ['gpio_v2_line_config_attribute', LINE_CONFIG_ATTRIBUTE],
        ['gpio_v2_line_values', LINE_VALUES],
    ];
    const fields = structs.flatMap(([struct, layout]) => Object.entries(layout).map(([field, at]) => [`${struct}.${field}`, BigInt(at)]));
    return new Map([
        ...fields,
        ['GPIO_V2_LINES_MAX', BigInt(GPIO_V2_LINES_MAX)],
        ['GPIO_MAX_NAME_SIZE', BigInt(GPIO_MAX_NAME_SIZE)],
        ['GPIO_V2_LINE_NUM_ATTRS_MAX', BigInt(GPIO_V2_LINE_NUM_ATTRS_MAX)],
        ['GPIO_V2_LINE_FLAG_OUTPUT', GPIO_V2_LINE_FLAG_OUTPUT],
        ['GPIO_V2_GET_LINE_IOCTL', BigInt(GPIO_V2_GET_LINE_IOCTL)],
        ['GPIO_V2_LINE_SET_VALUES_IOCTL', BigInt(GPIO_V2_LINE_SET_VALUES_IOCTL)],
    ]);
}
test("every size, offset, constant and ioctl number matches the kernel header's, as gcc lays it out", (t) => {
    const missing = compilerMissing();
    if (missing !== null) {
        if (process.env.CI)
            assert.fail(`the layout cannot be checked: ${missing}`);
        t.skip(missing);
        return;
    }
    const header = fromHeader(t);
    assert.deepEqual(Object.fromEntries(ours()), Object.fromEntries(header));
});
test('a line request holds the offsets, consumer, output flag and line count at their offsets, zero elsewhere', () => {
    const bytes = encodeLineRequest({ offsets: [17, 3, 63], consumer: 'tandem', flags: GPIO_V2_LINE_FLAG_OUTPUT });
    const view = new DataView(bytes.buffer);
    // Offsets as linux/gpio.h places them: offsets[64] at 0, consumer[32] at 256, config at 288
    // (flags, then num_attrs at 296), num_lines at 560, event_buffer_size at 564, fd at 588.
    assert.equal(bytes.length, 592);
    assert.deepEqual([0, 4, 8].map((at) => view.getUint32(at, LE)), [17, 3, 63]);
    assert.equal(Buffer.from(bytes.subarray(256, 288)).toString('latin1'), `tandem${'\0'.repeat(26)}`);
    assert.equal(view.getBigUint64(288, LE), 1n << 3n, 'GPIO_V2_LINE_FLAG_OUTPUT');
    assert.equal(view.getUint32(296, LE), 0, 'no attributes');
    assert.equal(view.getUint32(560, LE), 3, 'num_lines');
    assert.equal(view.getUint32(564, LE), 0, 'the default event buffer');
    const fields = new Set([...range(0, 12), ...range(256, 262), ...range(288, 296), ...range(560, 564)]);
    const stray = [...bytes.keys()].filter((i) => !fields.has(i) && bytes[i] !== 0);
    assert.deepEqual(stray, [], 'padding, attributes and fd are zero');
    view.setInt32(588, 42, LE);
    assert.equal(lineRequestFd(bytes), 42, 'the fd the kernel writes back');
});
test('line values: the bits and their mask as two 64-bit words', () => {
    const into = new Uint8Array(16);
    encodeLineValues(into, 1n << 63n, (1n << 63n) | 5n);
    const view = new DataView(into.buffer);
    assert.equal(view.getBigUint64(0, LE), 1n << 63n);
    assert.equal(view.getBigUint64(8, LE), (1n << 63n) | 5n);
});
test('more lines or a longer consumer than the structure holds is refused', () => {
    const offsets = range(0, 65);
    assert.throws(() => encodeLineRequest({ offsets, consumer: 'x', flags: 0n }), /65 lines in one request: allowed up to 64/);
    assert.equal(encodeLineRequest({ offsets: offsets.slice(1), consumer: 'x', flags: 0n }).length, 592);
    assert.throws(() => encodeLineRequest({ offsets: [1], consumer: 'c'.repeat(32), flags: 0n }), /32 bytes: allowed up to 31/);
    const full = encodeLineRequest({ offsets: [1], consumer: 'c'.repeat(31), flags: 0n });
    assert.equal(full[256 + 31], 0, 'room left for the terminating NUL');
});
function range(from, to) {
    return Array.from({ length: to - from }, (_, i) => from + i);
}
//# sourceMappingURL=gpio-v2.test.js.map