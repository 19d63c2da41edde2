import { FrameType } from './wire/header.js';
/** How long a leaving primary keeps forwarding while waiting for its successor to work. */
export const HANDOVER_WAIT_MS = 100;
export class GracefulLeave {
    p;
    constructor(p) {
        this.p = p;
    }
    /** Leave frames, the wait for a successor while primary, then the data ports released. */
    run(loop) {
        const { clock, cluster, takeover, lease } = this.p;
        const start = clock.nowMs();
        loop.sendHeartbeat(FrameType.Leave, start);
        loop.sendHeartbeat(FrameType.Leave, start);
        const handover = takeover.active && cluster.hasPeers;
        if (handover)
            this.#awaitSuccessor(loop, start + HANDOVER_WAIT_MS);
        lease.revoke();
        takeover.giveUp();
        if (handover)
            loop.sendHeartbeat(FrameType.Leave, clock.nowMs());
    }
    #awaitSuccessor(loop, deadline) {
        const { clock, poller, cluster, takeover, lease, log } = this.p;
        for (let now = clock.nowMs(); now < deadline; now = clock.nowMs()) {
            poller.wait(Math.max(1, Math.ceil(deadline - now)));
            const at = clock.nowMs();
            // Still forwarding until the successor works: the lease must not run out meanwhile.
            if (takeover.active)
                lease.renew(at);
            loop.consumeWoken(at);
            if (cluster.peerWorking()) {
                log.info(`successor works ${(at - deadline + HANDOVER_WAIT_MS).toFixed(2)} ms after the leave frames`);
                return;
            }
        }
        log.event(`no successor took over within ${HANDOVER_WAIT_MS} ms of the leave frames; releasing the data ports`, 'warn');
    }
}
//# sourceMappingURL=graceful-leave.js.map