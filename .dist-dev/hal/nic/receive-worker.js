/**
 * Receive worker: blocks in poll on AF_PACKET sockets and a stop eventfd, drains the readable
 * sockets and posts their frames to the parent in batches of up to 64, packed into one
 * transferred ArrayBuffer, each frame tagged with its socket's index.
 *
 * The sockets are read in turn, one frame each, not one after the other: a sender spreading a
 * burst over several ports (the control link's round robin) gets it back in about the order it
 * sent it, well inside the replay window of the HA wire (32 sequences).
 *
 * The fds are opened by the parent, which closes them after this thread has exited.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { E, errno, errnoText, libc, POLLERR, POLLHUP, POLLIN } from '../libc.js';
export const MAX_BATCH = 64;
const MAX_FRAME = 65536;
const STAGING_BYTES = 1 << 20;
const READABLE = POLLIN | POLLERR | POLLHUP;
/** Posts what the sockets of `live` (indexes into `fds`) hold, a frame of each in turn, until all are empty. */
function drain(parent, fds, live, staging) {
    while (live.length > 0) {
        const sizes = [];
        const ports = [];
        let used = 0;
        for (let k = 0; live.length > 0 && sizes.length < MAX_BATCH && STAGING_BYTES - used >= MAX_FRAME;) {
            const port = live[k];
            const n = libc.recv(fds[port], staging.subarray(used), MAX_FRAME, 0);
            if (n < 0) {
                live.splice(k, 1);
            }
            else {
                sizes.push(n);
                ports.push(port);
                used += n;
                k++;
            }
            if (k >= live.length)
                k = 0;
        }
        if (sizes.length > 0) {
            const buffer = staging.slice(0, used).buffer;
            const message = { buffer, sizes, ports };
            parent.postMessage(message, [buffer]);
        }
    }
}
function run(parent, { socketFds, stopFd }) {
    // pollfd: int fd, short events, short revents; the stop fd last.
    const fds = [...socketFds, stopFd];
    const pollfds = new Int32Array(fds.flatMap((fd) => [fd, POLLIN]));
    const revents = new Int16Array(pollfds.buffer);
    const readable = (i) => (revents[4 * i + 3] & READABLE) !== 0;
    const staging = new Uint8Array(STAGING_BYTES);
    for (;;) {
        if (libc.poll(pollfds, fds.length, -1) < 0) {
            const err = errno();
            if (err === E.EINTR)
                continue;
            throw new Error(`receive worker: poll failed: ${errnoText(err)}`);
        }
        if (readable(socketFds.length))
            return;
        const live = [];
        for (let i = 0; i < socketFds.length; i++)
            if (readable(i))
                live.push(i);
        drain(parent, socketFds, live, staging);
    }
}
if (parentPort)
    run(parentPort, workerData);
//# sourceMappingURL=receive-worker.js.map