/** GPIO chips for tests: each line's value and holder in memory, failing the way the character device does. */
import { E, HalError } from '../errors.js';
import { GPIO_V2_LINES_MAX } from './gpio-v2.js';
export class FakeGpio {
    #chips = new Map();
    #open = 0;
    addChip(path, lines = 32) {
        this.#chips.set(path, {
            lines: Array.from({ length: lines }, () => ({ high: false, holder: null, writes: 0 })),
            gone: false,
        });
    }
    /** Another consumer takes the line: a request for it fails with EBUSY. */
    hold(path, offset, consumer) {
        this.#line(path, offset).holder = consumer;
    }
    remove(path) {
        this.#chip(path).gone = true;
    }
    /** Whether the line is driven high. */
    high(path, offset) {
        return this.#line(path, offset).high;
    }
    holder(path, offset) {
        return this.#line(path, offset).holder;
    }
    /** Writes that named the line in their mask, changed or not. */
    writes(path, offset) {
        return this.#line(path, offset).writes;
    }
    /** Line requests not closed. */
    get openRequests() {
        return this.#open;
    }
    request(chip, offsets, consumer) {
        const device = `gpio ${chip}`;
        const c = this.#chips.get(chip);
        if (!c || c.gone)
            throw new HalError(device, 'open', E.ENOENT, 'ENOENT');
        const operation = `GPIO_V2_GET_LINE_IOCTL lines ${offsets.join(',')}`;
        if (offsets.length === 0 || offsets.length > GPIO_V2_LINES_MAX)
            throw new HalError(device, operation, E.EINVAL, 'EINVAL');
        const lines = [];
        for (const offset of offsets) {
            const line = c.lines[offset];
            if (!line)
                throw new HalError(device, operation, E.EINVAL, 'EINVAL');
            // The kernel requests line by line: a repeated offset finds its line taken, as a held one.
            if (line.holder !== null || lines.includes(line))
                throw new HalError(device, operation, E.EBUSY, 'EBUSY');
            lines.push(line);
        }
        for (const line of lines) {
            line.holder = consumer;
            line.high = false;
        }
        this.#open++;
        let open = true;
        return {
            set: (bits, mask) => {
                const operation = `GPIO_V2_LINE_SET_VALUES_IOCTL mask 0x${mask.toString(16)}`;
                if (!open)
                    throw new HalError(device, 'set values', E.EBADF, 'the line request is closed');
                if (c.gone)
                    throw new HalError(device, operation, E.ENODEV, 'ENODEV');
                const bit = (word, i) => ((word >> BigInt(i)) & 1n) === 1n;
                const named = lines.flatMap((line, i) => (bit(mask, i) ? [{ line, i }] : []));
                if (named.length === 0)
                    throw new HalError(device, operation, E.EINVAL, 'EINVAL');
                for (const { line, i } of named) {
                    line.high = bit(bits, i);
                    line.writes++;
                }
            },
            close: () => {
                if (!open)
                    return;
                open = false;
                this.#open--;
                // Released lines keep their last value, as most GPIO controllers leave them.
                for (const line of lines)
                    line.holder = null;
            },
        };
    }
    #chip(path) {
        const chip = this.#chips.get(path);
        if (!chip)
            throw new Error(`no fake GPIO chip ${path}`);
        return chip;
    }
    #line(path, offset) {
        const line = this.#chip(path).lines[offset];
        if (!line)
            throw new Error(`fake GPIO chip ${path} has no line ${offset}`);
        return line;
    }
}
//# sourceMappingURL=gpio.fake.js.map