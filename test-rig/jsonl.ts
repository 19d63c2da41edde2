/** Newline-delimited JSON over a stream, as both the console socket and rig.sock speak it. */
import type { Readable } from 'node:stream';

/** Calls `onLine` with each complete line received; returns a function that stops listening. */
export function readLines(stream: Readable, onLine: (line: string) => void): () => void {
  let pending = '';
  const onData = (chunk: Buffer | string) => {
    pending += chunk.toString();
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line) onLine(line);
      nl = pending.indexOf('\n');
    }
  };
  stream.on('data', onData);
  return () => stream.off('data', onData);
}

export function encodeLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
