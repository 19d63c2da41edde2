/**
 * Serial driver over the `serialport` package (its prebuilt native binding sets the tty raw).
 */
import { accessSync, constants } from 'node:fs';
import { SerialPort } from 'serialport';
import { HalError } from '../errors.js';
import type { SerialDevice, SerialLine } from './index.js';

/** serialport reports only a message; the errno comes from checking the path ourselves. */
function openErrno(path: string): number {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return 0;
  } catch (err) {
    return -((err as NodeJS.ErrnoException).errno ?? 0);
  }
}

class PortLine implements SerialLine {
  private readonly errorHandlers: ((err: Error) => void)[] = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly port: SerialPort) {
    port.on('error', (err: Error) => this.report(err));
  }

  private report(err: Error): void {
    for (const handler of this.errorHandlers) handler(err);
  }

  write(data: string | Uint8Array): void {
    if (!this.port.isOpen) {
      this.report(new Error(`serial ${this.port.path}: write on a closed line`));
      return;
    }
    this.port.write(typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), (err) => {
      if (err) this.report(err);
    });
  }

  onData(handler: (chunk: Uint8Array) => void): void {
    this.port.on('data', handler);
  }

  onError(handler: (err: Error) => void): void {
    this.errorHandlers.push(handler);
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (!this.port.isOpen) {
        resolve();
        return;
      }
      this.port.close((err) => {
        if (err) this.report(err);
        resolve();
      });
    });
    return this.closing;
  }
}

export function createSerialPortDevice(): SerialDevice {
  return {
    open(path: string, baudRate: number): Promise<SerialLine> {
      return new Promise((resolve, reject) => {
        if (!Number.isInteger(baudRate) || baudRate <= 0) {
          reject(new HalError(`serial ${path}`, 'open', 22, `baud rate ${baudRate}: must be a positive integer`));
          return;
        }
        const port = new SerialPort({ path, baudRate, autoOpen: false });
        port.open((err) => {
          if (err) reject(new HalError(`serial ${path}`, 'open', openErrno(path), err.message));
          else resolve(new PortLine(port));
        });
      });
    },
  };
}
