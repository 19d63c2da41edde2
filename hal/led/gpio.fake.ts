/** GPIO chips for tests: each line's value and holder in memory, failing the way the character device does. */
import { E, HalError } from '../errors.js';
import { GPIO_V2_LINES_MAX } from './gpio-v2.js';
import type { GpioDevice, GpioLines } from './index.js';

interface FakeLine {
  high: boolean;
  /** The consumer holding the line; null while it is free. */
  holder: string | null;
  writes: number;
}

interface FakeChip {
  lines: FakeLine[];
  /** Removed (an expander unplugged): new requests find no chip, open ones fail with ENODEV. */
  gone: boolean;
}

export class FakeGpio implements GpioDevice {
  readonly #chips = new Map<string, FakeChip>();
  #open = 0;

  addChip(path: string, lines = 32): void {
    this.#chips.set(path, {
      lines: Array.from({ length: lines }, () => ({ high: false, holder: null, writes: 0 })),
      gone: false,
    });
  }

  /** Another consumer takes the line: a request for it fails with EBUSY. */
  hold(path: string, offset: number, consumer: string): void {
    this.#line(path, offset).holder = consumer;
  }

  remove(path: string): void {
    this.#chip(path).gone = true;
  }

  /** Whether the line is driven high. */
  high(path: string, offset: number): boolean {
    return this.#line(path, offset).high;
  }

  holder(path: string, offset: number): string | null {
    return this.#line(path, offset).holder;
  }

  /** Writes that named the line in their mask, changed or not. */
  writes(path: string, offset: number): number {
    return this.#line(path, offset).writes;
  }

  /** Line requests not closed. */
  get openRequests(): number {
    return this.#open;
  }

  request(chip: string, offsets: readonly number[], consumer: string): GpioLines {
    const device = `gpio ${chip}`;
    const c = this.#chips.get(chip);
    if (!c || c.gone) throw new HalError(device, 'open', E.ENOENT, 'ENOENT');
    const operation = `GPIO_V2_GET_LINE_IOCTL lines ${offsets.join(',')}`;
    if (offsets.length === 0 || offsets.length > GPIO_V2_LINES_MAX) throw new HalError(device, operation, E.EINVAL, 'EINVAL');
    const lines: FakeLine[] = [];
    for (const offset of offsets) {
      const line = c.lines[offset];
      if (!line) throw new HalError(device, operation, E.EINVAL, 'EINVAL');
      // The kernel requests line by line: a repeated offset finds its line taken, as a held one.
      if (line.holder !== null || lines.includes(line)) throw new HalError(device, operation, E.EBUSY, 'EBUSY');
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
        if (!open) throw new HalError(device, 'set values', E.EBADF, 'the line request is closed');
        if (c.gone) throw new HalError(device, operation, E.ENODEV, 'ENODEV');
        const bit = (word: bigint, i: number) => ((word >> BigInt(i)) & 1n) === 1n;
        const named = lines.flatMap((line, i) => (bit(mask, i) ? [{ line, i }] : []));
        if (named.length === 0) throw new HalError(device, operation, E.EINVAL, 'EINVAL');
        for (const { line, i } of named) {
          line.high = bit(bits, i);
          line.writes++;
        }
      },
      close: () => {
        if (!open) return;
        open = false;
        this.#open--;
        // Released lines keep their last value, as most GPIO controllers leave them.
        for (const line of lines) line.holder = null;
      },
    };
  }

  #chip(path: string): FakeChip {
    const chip = this.#chips.get(path);
    if (!chip) throw new Error(`no fake GPIO chip ${path}`);
    return chip;
  }

  #line(path: string, offset: number): FakeLine {
    const line = this.#chip(path).lines[offset];
    if (!line) throw new Error(`fake GPIO chip ${path} has no line ${offset}`);
    return line;
  }
}
