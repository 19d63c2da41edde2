/**
 * What the NIC's non-blocking datagram sockets share (AF_PACKET ports and UDP ports): the fd,
 * the counters, receive without allocating, close once, and how a failed send is counted.
 * Hot-path methods never throw.
 */
import { libc } from '../libc.js';
export class DatagramSocket {
    fd;
    counters = { txFrames: 0, txErrors: 0, rxFrames: 0, lastTxErrno: 0 };
    closed = false;
    constructor(fd) {
        this.fd = fd;
    }
    /** Receives one pending datagram into `buf`; its length, or -1 when none is pending. */
    recv(buf) {
        if (this.closed)
            return -1;
        const n = libc.recv(this.fd, buf, buf.byteLength, 0);
        if (n < 0)
            return -1;
        this.counters.rxFrames++;
        return n;
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        libc.close(this.fd);
    }
    failed(err) {
        this.counters.txErrors++;
        this.counters.lastTxErrno = err;
        return false;
    }
    sent() {
        this.counters.txFrames++;
        return true;
    }
}
//# sourceMappingURL=datagram-socket.js.map