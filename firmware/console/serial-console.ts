/**
 * The serial console: one operator on the board's console line, with line editing and echo.
 * Input is fed to the editor a byte at a time so that a pasted block runs like typed lines:
 * each line's echo, then its output, then the prompt, in order.
 */
import type { SerialDevice, SerialLine } from '../../hal/serial/index.js';
import { createLogger } from '../log/logger.js';
import { LineEditor } from './line-editor.js';
import type { CommandProcessor } from './processor.js';

const log = createLogger('console.serial');

export interface SerialConsoleOptions {
  serial: SerialDevice;
  path: string;
  baudRate: number;
  processor: CommandProcessor;
  /** Printed once when the console starts, before the first prompt. */
  banner: string;
}

export interface SerialConsole {
  close(): Promise<void>;
}

/** Terminals need CR LF; console output uses bare LF. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Rejects (with the driver's HalError) only when the line cannot be opened. */
export async function startSerialConsole(options: SerialConsoleOptions): Promise<SerialConsole> {
  const line = await options.serial.open(options.path, options.baudRate);
  const session = options.processor.openSession();
  const editor = new LineEditor();
  let open = true;

  const write = (text: string) => {
    if (!open || text === '') return;
    try {
      line.write(text);
    } catch (err) {
      log.warn(`write to ${options.path} failed: ${describe(err)}`);
    }
  };

  /**
   * Input is handled one chunk after another: a line waits for the command before it (a walk
   * of the session table takes a while), and its echo comes after that command's output, as
   * typed-ahead input does on a terminal.
   */
  const handle = async (chunk: Uint8Array) => {
    for (let i = 0; i < chunk.length && open; i++) {
      const r = editor.feed(chunk.subarray(i, i + 1));
      write(r.echo);
      for (const entered of r.lines) {
        const reply = await session.execute(entered);
        write(toCrlf(reply.output) + reply.prompt);
      }
      if (r.cancelled) write(session.prompt());
    }
  };
  let input = Promise.resolve();
  line.onError((err) => log.warn(`${options.path}: ${describe(err)}`));
  line.onData((chunk) => {
    if (!open) return;
    // Kept until the input before it is handled: a copy, whatever the driver does with its buffer.
    const copy = Uint8Array.from(chunk);
    input = input.then(() => handle(copy)).catch((err) => log.error(`console input handling failed: ${describe(err)}`));
  });

  const banner = toCrlf(options.banner);
  write(banner === '' || banner.endsWith('\r\n') ? banner : `${banner}\r\n`);
  write(session.prompt());
  log.info(`serial console on ${options.path} at ${options.baudRate} baud`);

  return {
    close: async () => {
      if (!open) return;
      open = false;
      await closeQuietly(line, options.path);
    },
  };
}

async function closeQuietly(line: SerialLine, path: string): Promise<void> {
  try {
    await line.close();
  } catch (err) {
    log.warn(`closing ${path} failed: ${describe(err)}`);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
