/**
 * Receive worker: blocks in poll on an AF_PACKET socket and a stop eventfd, drains the socket and
 * posts frames to the parent in batches of up to 64, packed into one transferred ArrayBuffer.
 *
 * Both fds are opened by the parent, which closes them after this thread has exited.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { E, errno, errnoText, libc, POLLERR, POLLHUP, POLLIN } from '../libc.js';

export interface ReceiveWorkerData {
  socketFd: number;
  stopFd: number;
}

/** One message to the parent: frame i is `sizes[i]` bytes, frames back to back in `buffer`. */
export interface FrameBatchMessage {
  buffer: ArrayBuffer;
  sizes: number[];
}

export const MAX_BATCH = 64;
const MAX_FRAME = 65536;
const STAGING_BYTES = 1 << 20;
const READABLE = POLLIN | POLLERR | POLLHUP;

function run(port: NonNullable<typeof parentPort>, { socketFd, stopFd }: ReceiveWorkerData): void {
  const pollfds = new Int32Array([socketFd, POLLIN, stopFd, POLLIN]);
  const revents = new Int16Array(pollfds.buffer);
  const staging = new Uint8Array(STAGING_BYTES);
  for (;;) {
    if (libc.poll(pollfds, 2, -1) < 0) {
      const err = errno();
      if (err === E.EINTR) continue;
      throw new Error(`receive worker: poll failed: ${errnoText(err)}`);
    }
    if ((revents[7] & READABLE) !== 0) return;
    if ((revents[3] & READABLE) === 0) continue;
    let drained = false;
    while (!drained) {
      const sizes: number[] = [];
      let used = 0;
      while (sizes.length < MAX_BATCH && STAGING_BYTES - used >= MAX_FRAME) {
        const n = libc.recv(socketFd, staging.subarray(used), MAX_FRAME, 0);
        if (n < 0) {
          drained = true;
          break;
        }
        sizes.push(n);
        used += n;
      }
      if (sizes.length > 0) {
        const buffer = staging.slice(0, used).buffer;
        const message: FrameBatchMessage = { buffer, sizes };
        port.postMessage(message, [buffer]);
      }
    }
  }
}

if (parentPort) run(parentPort, workerData as ReceiveWorkerData);
