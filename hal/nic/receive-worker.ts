/**
 * Receive worker: blocks in poll on AF_PACKET sockets and a stop eventfd, drains each readable
 * socket and posts its frames to the parent in batches of up to 64, packed into one transferred
 * ArrayBuffer and tagged with the socket's index.
 *
 * The fds are opened by the parent, which closes them after this thread has exited.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { E, errno, errnoText, libc, POLLERR, POLLHUP, POLLIN } from '../libc.js';

export interface ReceiveWorkerData {
  socketFds: number[];
  stopFd: number;
}

/** One message to the parent: frame i of socket `port` is `sizes[i]` bytes, frames back to back in `buffer`. */
export interface FrameBatchMessage {
  port: number;
  buffer: ArrayBuffer;
  sizes: number[];
}

export const MAX_BATCH = 64;
const MAX_FRAME = 65536;
const STAGING_BYTES = 1 << 20;
const READABLE = POLLIN | POLLERR | POLLHUP;

/** Posts what socket `port` holds, batch by batch, until it is empty. */
function drain(parent: NonNullable<typeof parentPort>, port: number, fd: number, staging: Uint8Array): void {
  let drained = false;
  while (!drained) {
    const sizes: number[] = [];
    let used = 0;
    while (sizes.length < MAX_BATCH && STAGING_BYTES - used >= MAX_FRAME) {
      const n = libc.recv(fd, staging.subarray(used), MAX_FRAME, 0);
      if (n < 0) {
        drained = true;
        break;
      }
      sizes.push(n);
      used += n;
    }
    if (sizes.length > 0) {
      const buffer = staging.slice(0, used).buffer;
      const message: FrameBatchMessage = { port, buffer, sizes };
      parent.postMessage(message, [buffer]);
    }
  }
}

function run(parent: NonNullable<typeof parentPort>, { socketFds, stopFd }: ReceiveWorkerData): void {
  // pollfd: int fd, short events, short revents; the stop fd last.
  const fds = [...socketFds, stopFd];
  const pollfds = new Int32Array(fds.flatMap((fd) => [fd, POLLIN]));
  const revents = new Int16Array(pollfds.buffer);
  const readable = (i: number) => ((revents[4 * i + 3] as number) & READABLE) !== 0;
  const staging = new Uint8Array(STAGING_BYTES);
  for (;;) {
    if (libc.poll(pollfds, fds.length, -1) < 0) {
      const err = errno();
      if (err === E.EINTR) continue;
      throw new Error(`receive worker: poll failed: ${errnoText(err)}`);
    }
    if (readable(socketFds.length)) return;
    for (let i = 0; i < socketFds.length; i++) if (readable(i)) drain(parent, i, socketFds[i] as number, staging);
  }
}

if (parentPort) run(parentPort, workerData as ReceiveWorkerData);
