/**
 * Service manager notifications: the sd_notify(3) protocol systemd speaks with a `Type=notify`
 * service. Each notification is one datagram of newline-separated assignments ("READY=1",
 * "STATUS=…", "WATCHDOG=1") sent to the socket named by $NOTIFY_SOCKET. The manager accepts it
 * by the sender's pid (NotifyAccess=main: the main pid; every thread of a process shares it).
 *
 * Without $NOTIFY_SOCKET (the test rig, a manual run) nobody listens, and the notifier opened
 * for it does nothing.
 */

export interface Notifier {
  /** The $NOTIFY_SOCKET this notifier sends to, or null when it sends nothing. */
  readonly socket: string | null;
  /**
   * Sends one notification, assignments separated by "\n". Never blocks and never throws (the
   * keeper thread calls it on its kick period): returns 0, or the errno of a failed send —
   * EAGAIN when the manager's queue is full, ECONNREFUSED or ENOENT when nothing listens at the
   * socket any more. A notifier with no socket, or a closed one, sends nothing and returns 0.
   */
  send(state: string): number;
  /** Idempotent. */
  close(): void;
}

export interface NotifyDevice {
  /**
   * A notifier for `socket`, the value of $NOTIFY_SOCKET: an absolute path, or `@name` for a
   * name in the abstract namespace. Undefined or empty: a notifier that sends nothing. Throws
   * HalError: EINVAL when it is neither form, ENAMETOOLONG when it does not fit a sockaddr_un,
   * or the errno of a socket that cannot be made (EMFILE).
   */
  open(socket: string | undefined): Notifier;
}

/** The notifier for no service manager. */
export const SILENT_NOTIFIER: Notifier = {
  socket: null,
  send: () => 0,
  close: () => {},
};
