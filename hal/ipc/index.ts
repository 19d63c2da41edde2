/**
 * Inter-process device: what the firmware's processes share. The heartbeat worker runs as a
 * process of its own (firmware/ha/worker-root.ts says why); it talks to the main process over a
 * stream socket it reads and writes from its poll loop, and stamps its liveness into memory the
 * watchdog keeper reads.
 *
 * Nothing here blocks: a full socket takes fewer bytes than offered, an empty one gives none.
 */
import type { Pollable } from '../clock/index.js';

/** One end of a stream socket between two processes (a socketpair, as node's `stdio: 'pipe'` makes). */
export interface IpcStream extends Pollable {
  /** Reads what is queued into `buf`: bytes read, 0 when nothing is queued, -1 once the other end closed. */
  read(buf: Uint8Array): number;
  /** Writes what fits of buf[0, length): bytes written (0 when the socket is full), -1 once the other end closed. */
  write(buf: Uint8Array, length: number): number;
  close(): void;
}

/** Memory that stays shared across fork and exec: the fd travels to a child, which maps it too. */
export interface SharedMemory {
  readonly fd: number;
  readonly buffer: ArrayBuffer;
}

export interface IpcDevice {
  /** Wraps an inherited stream socket. Throws HalError (EBADF) when `fd` is not an open socket. */
  adoptStream(fd: number): IpcStream;
  /** A connected pair of streams in this process (tests, and a worker started in-process). */
  streamPair(): [IpcStream, IpcStream];
  /** New zeroed shared memory of `bytes`, inheritable by children. Throws HalError. */
  createSharedMemory(bytes: number): SharedMemory;
  /** Maps shared memory created by another process (its fd inherited). Throws HalError. */
  mapSharedMemory(fd: number, bytes: number): SharedMemory;
  /**
   * Asks the kernel to SIGKILL this process when its parent dies (PR_SET_PDEATHSIG), so a worker
   * never outlives the firmware that started it. False when the parent `parentPid` is already gone.
   */
  dieWithParent(parentPid: number): boolean;
}
