/**
 * Messages between the main process and the heartbeat worker process, framed on their socket
 * by worker-channel.ts. The first message the worker reads is its WorkerInit.
 */
/** The worker process's inherited fds: its socket to the main process, the watchdog's stamps. */
export const WORKER_STREAM_FD = 3;
export const WORKER_HEALTH_FD = 4;
//# sourceMappingURL=worker-protocol.js.map