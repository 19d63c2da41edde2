const SHOWN_OUTAGES = 20;
const ms = (v) => (v === null ? '-' : `${v.toFixed(1)} ms`);
function outageLines(title, outages, total) {
    const lines = [`${title}: ${total}`];
    const shown = [...outages].sort((a, b) => b.gapMs - a.gapMs).slice(0, SHOWN_OUTAGES);
    for (const o of shown.sort((a, b) => a.firstSeq - b.firstSeq)) {
        const until = o.endMs === null ? 'still lasting' : `to ${o.endMs.toFixed(1)}`;
        lines.push(`  gap ${ms(o.gapMs)}  lost ${o.lost}  from ${o.startMs.toFixed(1)} ${until}`);
    }
    if (total > shown.length)
        lines.push(`  (${total - shown.length} shorter ones not shown; --json has up to 1000)`);
    return lines;
}
function durations(d) {
    return d.count === 0 ? 'none yet' : `median ${ms(d.medianMs)}, p99 ${ms(d.p99Ms)}, max ${ms(d.maxMs)}`;
}
export function formatReport(r) {
    const until = r.stoppedAtMs ?? r.nowMs;
    const lines = [
        `traffic ${r.running ? 'running' : 'stopped'}: ${((until - r.startedAtMs) / 1000).toFixed(1)} s, ` +
            `a probe every ${r.intervalMs} ms, started at ${r.startedAtMs.toFixed(1)} ms (CLOCK_MONOTONIC)`,
        `probes: sent ${r.sent}, echoed ${r.received}, lost ${r.lost}, in flight ${r.inFlight}` +
            (r.firstEchoAtMs === null ? ', no echo yet' : `, first echo at ${r.firstEchoAtMs.toFixed(1)}`),
        ...outageLines('outages (round trip)', r.outages, r.outageCount),
        ...outageLines('outages (forward, seen at the server)', r.forward.outages, r.forward.outageCount),
        `streams: ${r.streams.alive} alive, ${r.streams.broken} broken, ${r.streams.connecting} connecting ` +
            `(of ${r.streams.requested}); max stall ${ms(r.streams.maxStallMs)}`,
    ];
    for (const s of r.streams.list) {
        lines.push(`  #${s.id} ${s.state}${s.reason ? ` (${s.reason})` : ''}, max stall ${ms(s.maxStallMs)}`);
    }
    lines.push(`pacing: ${durations(r.pacing)}; missed ticks ${r.missedTicks}${r.schedFifo ? '' : ' (no SCHED_FIFO)'}`, `round trip: ${durations(r.rtt)}`);
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=format.js.map