/**
 * The service manager's watchdog (systemd's `WatchdogSec=`, scripts/tandem.service says how it
 * relates to the board's): with it set, systemd passes its timeout in $WATCHDOG_USEC and may name
 * the process it expects pings from in $WATCHDOG_PID. Read as sd_watchdog_enabled(3) reads them;
 * the pings go out at half the timeout, as it advises, from the keeper thread (keeper.ts).
 */
/**
 * Whether and how often to ping. `socket`: where notifications go (null: no manager listens);
 * `env` holds WATCHDOG_USEC and WATCHDOG_PID; `pid` is this process's.
 */
export function servicePings(socket, env, pid) {
    const usec = env.WATCHDOG_USEC;
    if (!usec)
        return { off: 'no WatchdogSec (WATCHDOG_USEC is not set)' };
    if (!/^[0-9]+$/.test(usec) || Number(usec) === 0)
        return { off: `WATCHDOG_USEC "${usec}" is not a positive number of µs` };
    const watched = env.WATCHDOG_PID;
    if (watched) {
        if (!/^[0-9]+$/.test(watched))
            return { off: `WATCHDOG_PID "${watched}" is not a pid` };
        if (Number(watched) !== pid)
            return { off: `WATCHDOG_PID ${watched} is not this process (${pid})` };
    }
    if (socket === null)
        return { off: 'no service manager to ping (NOTIFY_SOCKET is not set)' };
    return { socket, intervalMs: Number(usec) / 2000 };
}
//# sourceMappingURL=service-watchdog.js.map