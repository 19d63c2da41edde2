/**
 * Service manager notifications for tests: each notifier's datagrams kept in memory.
 *
 * It fails the way the driver does: `open` refuses the same $NOTIFY_SOCKET values (address.ts)
 * and gives the silent notifier for none; `failWith` makes every send return that errno instead
 * of delivering; a closed notifier sends nothing and returns 0.
 */
import { notifySunPath } from './address.js';
import { SILENT_NOTIFIER } from './index.js';
export class FakeNotify {
    /** Every datagram delivered, in order, with the socket it went to. */
    sent = [];
    /** Non-zero: sends fail with this errno and deliver nothing. */
    failWith = 0;
    open(socket) {
        if (!socket)
            return SILENT_NOTIFIER;
        notifySunPath(socket);
        let open = true;
        return {
            socket,
            send: (state) => {
                if (!open)
                    return 0;
                if (this.failWith !== 0)
                    return this.failWith;
                this.sent.push({ socket, state });
                return 0;
            },
            close: () => {
                open = false;
            },
        };
    }
    /** The datagrams delivered, their text only. */
    states() {
        return this.sent.map((d) => d.state);
    }
}
//# sourceMappingURL=notify.fake.js.map