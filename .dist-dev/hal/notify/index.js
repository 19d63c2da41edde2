/**
 * Service manager notifications: the sd_notify(3) protocol systemd speaks with a `Type=notify`
 * service. Each notification is one datagram of newline-separated assignments ("READY=1",
 * "STATUS=…", "WATCHDOG=1") sent to the socket named by $NOTIFY_SOCKET. The manager accepts it
 * by the sender's pid (NotifyAccess=main: the main pid; every thread of a process shares it).
 *
 * Without $NOTIFY_SOCKET (the test rig, a manual run) nobody listens, and the notifier opened
 * for it does nothing.
 */
/** The notifier for no service manager. */
export const SILENT_NOTIFIER = {
    socket: null,
    send: () => 0,
    close: () => { },
};
//# sourceMappingURL=index.js.map