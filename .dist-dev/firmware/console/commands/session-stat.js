/**
 * `diagnose sys session stat`: FortiOS's lines where the kernel has the figure (session_count
 * from conntrack's counter, exp_count, the TCP sessions by state), then what Tandem adds, each
 * line labelled "(Tandem)": sessions by protocol, the entries that came from the primary, and
 * session sync's counters. FortiOS's other fields (setup_rate, clash, memory_tension_drop,
 * ephemeral, removeable, delete/flush/dev_down, the firewall error stat) have no conntrack
 * source and are left out rather than shown as zeros.
 */
import { PROTO, TCP_STATE } from '../../../hal/conntrack/index.js';
import { E } from '../../../hal/errors.js';
const TCP_STATE_NAMES = new Map(Object.entries(TCP_STATE).map(([name, n]) => [n, name]));
const PROTO_NAMES = new Map([
    [PROTO.TCP, 'tcp'],
    [PROTO.UDP, 'udp'],
    [PROTO.ICMP, 'icmp'],
    [PROTO.ICMPV6, 'icmpv6'],
]);
const ERRNO_NAMES = new Map(Object.entries(E).map(([name, n]) => [n, name]));
export function renderSessionStat(sessionCount, tally, sync) {
    const out = [`misc info: session_count=${sessionCount} exp_count=${tally.expectations}`, 'TCP sessions:'];
    for (const [state, n] of [...tally.tcpStates].sort(([a], [b]) => a - b)) {
        out.push(`    ${n} in ${TCP_STATE_NAMES.get(state) ?? `state ${state}`} state`);
    }
    out.push(`sessions by protocol (Tandem): ${byProtocol(tally.byProto)} (${tally.walked} listed by the dump)`);
    out.push(`synced from the primary (Tandem, conntrack mark bit 31): ${tally.synced}`);
    out.push(...syncCounterLines(sync));
    return `${out.join('\n')}\n`;
}
/** tcp, udp and icmp always, then any other protocol seen, by name or number. */
function byProtocol(counts) {
    const shown = [
        PROTO.TCP,
        PROTO.UDP,
        PROTO.ICMP,
        ...[...counts.keys()].filter((p) => p !== PROTO.TCP && p !== PROTO.UDP && p !== PROTO.ICMP).sort((a, b) => a - b),
    ];
    return shown.map((p) => `${PROTO_NAMES.get(p) ?? `proto-${p}`}=${counts.get(p) ?? 0}`).join(' ');
}
/** Session sync's counters since the worker started: what was synced, skipped, held back, sent, refused, applied. */
function syncCounterLines(sync) {
    if (!sync)
        return ['session sync (Tandem): off'];
    const out = [`session sync (Tandem): ${sync.role}, ports in use: ${sync.portsInUse.join(', ') || 'none'}`];
    const p = sync.primary?.counters;
    if (p) {
        out.push(`    primary: events=${p.events} synced=${p.synced} deleted=${p.deleted} resyncs=${p.resyncs} event-overruns=${p.overruns}`, `    expectations: synced=${p.expectations} deleted=${p.expectationsDeleted}`, `    skipped by pickup policy: ${pairs(Object.entries(p.skipped))}`, `    session-pickup-delay: held=${p.delay.held} released=${p.delay.released} ended-young=${p.delay.endedYoung} ` +
            `released-early=${p.delay.releasedEarly}`);
    }
    const s = sync.secondary;
    if (s) {
        const c = s.counters;
        const a = s.applied;
        const refused = Object.entries(a.refused).map(([errno, n]) => [
            ERRNO_NAMES.get(Number(errno)) ?? `errno-${errno}`,
            n,
        ]);
        out.push(`    secondary: not-from-primary=${c.notFromPrimary} bad-records=${c.badRecords} unknown-records=${c.unknownRecords} reconciled=${c.reconciled} stale-deleted=${c.staleDeleted}`, `    applied: created=${a.created} replaced=${a.replaced} updated=${a.updated} deleted=${a.deleted} absent=${a.absent}`, `    applied expectations: created=${a.expectations} deleted=${a.expectationsDeleted} without-master=${a.orphans}`, `    refused by the kernel: ${pairs(refused)}`);
    }
    const l = sync.link;
    out.push(`    link: tx-frames=${l.txFrames} tx-failed=${l.txFailed} rx-frames=${l.rxFrames}`, `    rejected frames: ${pairs(Object.entries(sync.rejected))}`);
    return out;
}
/** "bad-auth=1 wrong-group=2" of the non-zero counts (counter names in kebab case), "none" when there are none. */
function pairs(entries) {
    const kebab = (name) => name.replace(/(?<=[a-z])[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const shown = entries.filter(([, n]) => (n ?? 0) > 0).map(([k, n]) => `${kebab(k)}=${n}`);
    return shown.length > 0 ? shown.join(' ') : 'none';
}
//# sourceMappingURL=session-stat.js.map