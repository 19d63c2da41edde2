/**
 * Session sync statuses as the console's tests show them: unit A as the primary feeding B
 * while B's resync runs, and unit B as the secondary reconciling, then ready.
 */
import { emptyCounters } from '../ha/wire/decoder.js';
export function senderStatus(overrides = {}) {
    return {
        sent: 1200,
        retransmitted: 12,
        fastRetransmits: 3,
        spuriousRetransmits: 1,
        acked: 1197,
        giveUps: 0,
        acks: 600,
        staleAcks: 0,
        badAcks: 0,
        state: 'streaming',
        reason: '',
        epoch: 4294967297,
        inFlight: 3,
        lagMs: 2.4,
        srttMs: 0.42,
        rttvarMs: 0.1,
        rtoMs: 200,
        reorderThreshold: 3,
        ...overrides,
    };
}
/** Unit A, primary, feeding B over port3 while B's resync is 42.1 % through. */
export function primarySyncStatus() {
    return {
        role: 'primary',
        portsInUse: ['port3'],
        link: { txFrames: 1212, txFailed: 0, rxFrames: 600 },
        rejected: { ...emptyCounters(), badAuth: 2 },
        primary: {
            counters: {
                events: 5000,
                synced: 4800,
                deleted: 150,
                expectations: 3,
                expectationsDeleted: 2,
                skipped: { local: 40, connectionless: 10 },
                overruns: 0,
                resyncs: 1,
                delay: { held: 12, released: 300, endedYoung: 4500, releasedEarly: 0 },
            },
            feeds: [
                {
                    serial: 'TDSIM00000000002',
                    epoch: 4294967297,
                    stream: senderStatus(),
                    backlog: 0,
                    resync: {
                        state: 'running',
                        records: 12000,
                        estimatedTotal: 28500,
                        percent: 42.1,
                        ratePerSec: 85000.4,
                        timeLeftMs: 170.6,
                        elapsedMs: 141,
                    },
                },
            ],
        },
        secondary: null,
        kernelSessions: 28500,
    };
}
/** Unit B, secondary of A, reconciling: 42.1 % of the bulk in, not ready. */
export function secondarySyncStatus() {
    return {
        role: 'secondary',
        portsInUse: ['port3'],
        link: { txFrames: 600, txFailed: 0, rxFrames: 1212 },
        rejected: emptyCounters(),
        primary: null,
        secondary: {
            counters: { notFromPrimary: 0, forOthers: 0, badRecords: 0, unknownRecords: 0, reconciled: 0, staleDeleted: 0 },
            view: {
                primary: 'TDSIM00000000001',
                stream: {
                    received: 1210,
                    delivered: 1200,
                    duplicates: 3,
                    outOfOrder: 5,
                    gapsSeen: 2,
                    gapsRepaired: 2,
                    staleEpoch: 0,
                    invalid: 0,
                    beyondWindow: 0,
                    whileResync: 0,
                    discarded: 0,
                    restarts: 1,
                    acksSent: 600,
                    state: 'streaming',
                    reason: '',
                    epoch: 4294967297,
                    nextSeq: 1200,
                    buffered: 0,
                },
                reconcile: {
                    state: 'bulk',
                    records: 12000,
                    estimatedTotal: 28500,
                    percent: 42.1,
                    ratePerSec: 85000,
                    timeLeftMs: null,
                    elapsedMs: 141,
                    stale: 0,
                },
                ready: false,
            },
            applied: {
                created: 12000,
                replaced: 3,
                updated: 120,
                deleted: 150,
                absent: 2,
                expectations: 3,
                expectationsDeleted: 1,
                orphans: 1,
                refused: { 17: 1, 71: 2 },
            },
        },
        kernelSessions: 12040,
    };
}
/** Unit B once its resync has completed. */
export function readySecondaryStatus() {
    const s = secondarySyncStatus();
    const secondary = s.secondary;
    secondary.counters = { ...secondary.counters, reconciled: 1, staleDeleted: 4 };
    secondary.view = {
        ...secondary.view,
        reconcile: { ...secondary.view.reconcile, state: 'synced', records: 28510, percent: 100, timeLeftMs: 0, stale: 4 },
        ready: true,
    };
    return s;
}
//# sourceMappingURL=sync-status.fixture.js.map