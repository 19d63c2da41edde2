/**
 * Traffic through a rig, for code: `rig.traffic` of a Rig.
 *
 *   await rig.traffic.start({ streams: 4 });
 *   await rig.traffic.flowing();                       // first echo back, every stream up
 *   const { atMs } = await rig.fault('power-loss', 'A');
 *   const report = await rig.traffic.stop();
 *   const gap = report.outages.find((o) => o.endMs !== null && o.endMs > atMs);
 */
import { controlCall } from '../control.js';
import { RigError } from '../errors.js';
import { checkTrafficOptions } from './options.js';
const START_TIMEOUT_MS = 60_000;
const CALL_TIMEOUT_MS = 15_000;
const POLL_MS = 50;
export class RigTraffic {
    rig;
    constructor(rig) {
        this.rig = rig;
    }
    /** Starts (or restarts, from zero) the prober and the streams. */
    start(o = {}) {
        const { streams, intervalMs, streamPeriodMs } = checkTrafficOptions(o);
        return controlCall(this.rig, { op: 'traffic', action: 'start', streams, intervalMs, streamPeriodMs }, START_TIMEOUT_MS);
    }
    /** Stops the traffic; resolves to the final report (also kept for later `report` calls). */
    stop() {
        return controlCall(this.rig, { op: 'traffic', action: 'stop' }, CALL_TIMEOUT_MS);
    }
    /** The report so far while traffic runs, the final one after stop. */
    report() {
        return controlCall(this.rig, { op: 'traffic', action: 'report' }, CALL_TIMEOUT_MS);
    }
    /** Polls reports until `predicate` holds; on timeout fails naming what was awaited and the last counts. */
    async waitFor(predicate, timeoutMs, describe) {
        const end = Date.now() + timeoutMs;
        for (;;) {
            const r = await this.report();
            if (predicate(r))
                return r;
            if (Date.now() > end) {
                throw new RigError(`${describe}: not reached after ${timeoutMs} ms; probes sent ${r.sent}, echoed ${r.received}; ` +
                    `streams ${r.streams.alive} alive, ${r.streams.connecting} connecting, ${r.streams.broken} broken`);
            }
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
    }
    /** Waits until traffic flows: an echo has come back and every stream is up with data both ways. */
    flowing(timeoutMs = 10_000) {
        return this.waitFor((r) => r.received > 0 && r.streams.list.every((s) => s.state === 'alive' && s.toClient.received > 0 && s.toServer.received > 0), timeoutMs, 'traffic flowing');
    }
}
//# sourceMappingURL=client.js.map