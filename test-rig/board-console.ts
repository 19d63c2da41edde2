/**
 * A board's serial console as the rig holds it: the master side of a pty whose slave the
 * firmware opens. The rig keeps the pty across board restarts (the path stays the same), keeps
 * the last 64 KB of output for post-mortems, and fans output out to attached terminals.
 */
import type { Pty } from '../hal/serial/pty.js';

export const CONSOLE_TAIL_BYTES = 64 * 1024;

export class BoardConsole {
  private chunks: Buffer[] = [];
  private size = 0;
  private readonly listeners = new Set<(chunk: Buffer) => void>();

  constructor(
    private readonly pty: Pty,
    private readonly capacity = CONSOLE_TAIL_BYTES,
  ) {
    pty.onData((chunk) => this.received(chunk));
  }

  /** The slave path the firmware opens (TANDEM_SIM_TTY). */
  get path(): string {
    return this.pty.path;
  }

  private received(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.capacity) {
      const first = this.chunks[0] as Buffer;
      const excess = this.size - this.capacity;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
      }
    }
    for (const listener of this.listeners) listener(chunk);
  }

  /** The last output, at most `capacity` bytes. */
  tail(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** Receives output from now on; returns the detach function. */
  attach(listener: (chunk: Buffer) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Bytes typed on the console. */
  write(data: string | Uint8Array): void {
    this.pty.write(data);
  }

  close(): void {
    this.listeners.clear();
    this.pty.close();
  }
}
