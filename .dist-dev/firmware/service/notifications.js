/**
 * What the firmware tells its service manager (systemd runs it as a `Type=notify` service,
 * scripts/tandem.service): READY=1 once it runs, a one-line STATUS when its HA role changes,
 * STOPPING=1 when it shuts down. WATCHDOG=1 is not sent from here but by the watchdog keeper
 * thread, on its health verdict (firmware/watchdog/keeper.ts).
 *
 * The firmware runs the same without a manager (the test rig, a manual run): then nothing is
 * sent. A notification that fails is logged once per errno and sent again (flush).
 */
import { HalError } from '../../hal/errors.js';
import { isStandalone, modeLabel, roleName } from '../console/commands/ha-roles.js';
/** A notification that failed is sent again this much later, with whatever is owed by then. */
const RETRY_MS = 250;
export class ServiceNotifications {
    o;
    notifier;
    /** The STATUS line the manager is to show. */
    line = '';
    /** Said and not delivered yet. */
    owed = { ready: false, stopping: false, status: false };
    retry = null;
    failedErrno = 0;
    stopSaid = false;
    constructor(o) {
        this.o = o;
        let notifier;
        try {
            notifier = o.device.open(o.socket);
        }
        catch (err) {
            if (!(err instanceof HalError))
                throw err;
            o.log.event(`cannot notify the service manager: ${err.message}`, 'warn');
            notifier = o.device.open(undefined);
        }
        this.notifier = notifier;
    }
    /** Where notifications go; null when nobody listens. */
    get socket() {
        return this.notifier.socket;
    }
    /** The firmware runs: the manager's start job is done (Type=notify). */
    ready(status) {
        this.owed.ready = true;
        this.show(status);
    }
    /**
     * Shows `line` in `systemctl status`; sent only when it differs from the line shown. Once
     * stopping, the line says why and stays.
     */
    status(line) {
        if (!this.stopSaid && oneLine(line) !== this.line)
            this.show(line);
    }
    /** The firmware is shutting down: the manager waits for it to exit (its stop timeout runs). */
    stopping(why) {
        this.stopSaid = true;
        this.owed.stopping = true;
        this.show(why);
    }
    show(line) {
        this.line = oneLine(line);
        this.owed.status = true;
        this.flush();
    }
    /**
     * Sends what is owed in one datagram. The sends never block, so one can fail with EAGAIN while
     * the manager's socket is full (every service on the board notifies through it); READY and
     * STOPPING must arrive all the same (a start without READY times out and is killed), so a
     * failure is tried again until it goes through. STOPPING supersedes READY.
     */
    flush() {
        if (this.retry)
            return;
        const owed = this.owed;
        const lines = owed.stopping ? ['STOPPING=1'] : owed.ready ? ['READY=1'] : [];
        if (owed.status)
            lines.push(`STATUS=${this.line}`);
        if (lines.length === 0)
            return;
        const err = this.notifier.send(lines.join('\n'));
        if (err === 0) {
            owed.ready = owed.stopping = owed.status = false;
        }
        else {
            if (err !== this.failedErrno) {
                this.o.log.event(`notifying the service manager at ${this.notifier.socket} failed (errno ${err}); trying again`, 'warn');
            }
            this.retry = this.o.timers.after(RETRY_MS, () => {
                this.retry = null;
                this.flush();
            });
        }
        this.failedErrno = err;
    }
}
/**
 * The STATUS line for an HA state: "standalone", or the mode, this unit's role and the primary's
 * serial ("HA A-P secondary, primary FGT60F0000000001"; "primary none" until one is elected).
 */
export function haStatusLine(snap) {
    if (isStandalone(snap))
        return 'standalone';
    const primary = snap.state !== 'hello' ? snap.election?.primary || 'none' : 'none';
    return `${modeLabel(snap.mode)} ${roleName(snap.state)}, primary ${primary}`;
}
/**
 * A notification is lines of assignments: a line break in a value (a peer's serial comes off the
 * wire) would add an assignment of its own, and the manager drops a datagram holding a NUL.
 */
function oneLine(text) {
    return text.replace(/\p{Cc}+/gu, ' ');
}
//# sourceMappingURL=notifications.js.map