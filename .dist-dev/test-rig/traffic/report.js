import { lostOf, outagesOf } from './seq-tracker.js';
/** Closed holes ever recorded, and the open one. */
function outageCount(rec, outages) {
    return rec.outageCount + (outages.length > rec.outages.length ? 1 : 0);
}
function direction(sender, receiver) {
    return {
        sent: sender?.sent ?? 0,
        received: receiver?.received ?? 0,
        maxStall: receiver?.maxStall ?? null,
        lastArrivalMs: receiver?.lastArrivalMs ?? null,
    };
}
export function streamReport(client, server) {
    let state = client.state;
    let reason = null;
    const brokenAt = [];
    if (client.state === 'broken') {
        reason = `client: ${client.reason}`;
        brokenAt.push(client.brokenAtMs ?? Number.NaN);
    }
    if (server?.state === 'broken') {
        state = 'broken';
        reason ??= `server: ${server.reason}`;
        brokenAt.push(server.brokenAtMs ?? Number.NaN);
    }
    const toServer = direction(client, server);
    const toClient = direction(server, client);
    return {
        id: client.id,
        state,
        reason,
        brokenAtMs: brokenAt.length > 0 ? Math.min(...brokenAt) : null,
        toServer,
        toClient,
        maxStallMs: Math.max(toServer.maxStall?.ms ?? 0, toClient.maxStall?.ms ?? 0),
    };
}
export function buildReport(prober, server, streams, running) {
    const { echoes, settled } = prober;
    const outages = outagesOf(echoes, settled);
    const forwardOutages = outagesOf(server.forward, settled);
    const lost = lostOf(echoes, settled);
    const list = streams.streams.map((c) => streamReport(c, server.streams.find((s) => s.id === c.id)));
    const count = (s) => list.filter((r) => r.state === s).length;
    return {
        running,
        intervalMs: prober.intervalMs,
        startedAtMs: prober.startedAtMs,
        stoppedAtMs: prober.stoppedAtMs,
        nowMs: prober.nowMs,
        sent: prober.sent,
        received: echoes.received,
        lost,
        inFlight: Math.max(0, prober.sent - echoes.received - lost),
        duplicates: echoes.duplicates,
        reordered: echoes.reordered,
        sendErrors: prober.sendErrors,
        missedTicks: prober.missedTicks,
        schedFifo: prober.schedFifo,
        firstEchoAtMs: echoes.firstAtMs,
        outages,
        outageCount: outageCount(echoes, outages),
        forward: {
            received: server.forward.received,
            lost: lostOf(server.forward, settled),
            duplicates: server.forward.duplicates,
            reordered: server.forward.reordered,
            outages: forwardOutages,
            outageCount: outageCount(server.forward, forwardOutages),
        },
        pacing: prober.pacing,
        rtt: prober.rtt,
        streams: {
            requested: list.length,
            connecting: count('connecting'),
            alive: count('alive'),
            broken: count('broken'),
            maxStallMs: Math.max(0, ...list.map((r) => r.maxStallMs)),
            list,
        },
    };
}
/**
 * Whether every stream carried data both ways after `atMs`. A stream can stay unbroken while it
 * moves nothing (a gateway that drops its segments as out of window): alive is not flowing.
 */
export function streamsFlowSince(r, atMs) {
    const after = (d) => (d.lastArrivalMs ?? Number.NEGATIVE_INFINITY) > atMs;
    return r.streams.list.every((s) => after(s.toServer) && after(s.toClient));
}
//# sourceMappingURL=report.js.map