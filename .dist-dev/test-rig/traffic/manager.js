/**
 * The rig's traffic, owned by the supervisor: a server agent in the server namespace, the
 * prober and the stream agent in the client namespace. `start` replaces any earlier run (its
 * counters start from zero), `report` asks the agents while they run and returns the final
 * report once stopped, `shutdown` kills the agents without a report (teardown).
 */
import { randomInt } from 'node:crypto';
import { RigError } from '../errors.js';
import { cliNamespace, srvNamespace } from '../paths.js';
import { SRV_HOST } from '../topology.js';
import { AgentProcess } from './agent-process.js';
import { checkTrafficOptions } from './options.js';
import { DRAIN_MS, PROBE_PORT, STREAM_PORT } from './protocol.js';
import { buildReport } from './report.js';
const READY_TIMEOUT_MS = 20_000;
const ANSWER_TIMEOUT_MS = 5000;
const EXIT_TIMEOUT_MS = 2000;
const SERVER_IP = SRV_HOST.address.split('/')[0];
export class TrafficManager {
    rig;
    log;
    run = null;
    final = null;
    /** start, stop and report run one at a time, in the order asked. */
    queue = Promise.resolve();
    constructor(rig, log) {
        this.rig = rig;
        this.log = log;
    }
    start(o = {}) {
        return this.serial(() => this.doStart(o));
    }
    stop() {
        return this.serial(() => this.doStop());
    }
    report() {
        return this.serial(() => this.doReport());
    }
    /** Kills the agents of the current run, if any; the last final report stays. */
    shutdown() {
        return this.serial(() => this.kill());
    }
    serial(fn) {
        const next = this.queue.then(fn, fn);
        this.queue = next.catch(() => { });
        return next;
    }
    async doStart(opts) {
        const o = checkTrafficOptions(opts);
        await this.kill();
        this.final = null;
        const runId = randomInt(1, 0xffffffff);
        const server = new AgentProcess('traffic server', srvNamespace(this.rig), 'server-main.js', {
            probePort: PROBE_PORT,
            streamPort: STREAM_PORT,
            runId,
            streamPeriodMs: o.streamPeriodMs,
        });
        const agents = [server];
        try {
            await server.waitReady(READY_TIMEOUT_MS);
            const prober = new AgentProcess('traffic prober', cliNamespace(this.rig), 'prober-main.js', {
                server: SERVER_IP,
                port: PROBE_PORT,
                intervalMs: o.intervalMs,
                runId,
            });
            const streams = new AgentProcess('traffic streams', cliNamespace(this.rig), 'streams-main.js', {
                server: SERVER_IP,
                port: STREAM_PORT,
                streams: o.streams,
                periodMs: o.streamPeriodMs,
            });
            agents.push(prober, streams);
            await Promise.all([prober.waitReady(READY_TIMEOUT_MS), streams.waitReady(READY_TIMEOUT_MS)]);
            this.run = { server, prober, streams };
        }
        catch (e) {
            await Promise.all(agents.map((a) => a.kill()));
            throw e;
        }
        this.log(`traffic started: ${o.streams} streams writing every ${o.streamPeriodMs} ms, a probe every ${o.intervalMs} ms`);
        return this.doReport();
    }
    async doReport() {
        const run = this.run;
        if (run === null)
            return this.lastReport();
        const [prober, server, streams] = await Promise.all([
            run.prober.request('report', ANSWER_TIMEOUT_MS),
            run.server.request('report', ANSWER_TIMEOUT_MS),
            run.streams.request('report', ANSWER_TIMEOUT_MS),
        ]);
        return buildReport(prober, server, streams, true);
    }
    async doStop() {
        const run = this.run;
        if (run === null)
            return this.lastReport();
        this.run = null;
        let final;
        try {
            // Both ends of the streams are read at the moment of the stop, before either agent exits
            // (an end that goes away resets the other). The server's probe record is read last,
            // once the prober has waited for its final probes to arrive.
            const [prober, streams, serverAtStop] = await Promise.all([
                run.prober.request('stop', DRAIN_MS + ANSWER_TIMEOUT_MS),
                run.streams.request('report', ANSWER_TIMEOUT_MS),
                run.server.request('report', ANSWER_TIMEOUT_MS),
            ]);
            const server = await run.server.request('stop', ANSWER_TIMEOUT_MS);
            await run.streams.request('stop', ANSWER_TIMEOUT_MS).catch(() => { });
            final = buildReport(prober, { ...server, streams: serverAtStop.streams }, streams, false);
        }
        finally {
            await Promise.all([run.server, run.prober, run.streams].map((a) => a.waitExit(EXIT_TIMEOUT_MS)));
        }
        this.final = final;
        this.log(`traffic stopped: ${final.sent} probes sent, ${final.lost} lost, ${final.outageCount} outages`);
        return final;
    }
    lastReport() {
        if (this.final)
            return this.final;
        throw new RigError(`rig "${this.rig}" has no traffic: start it first (tandem-rig traffic start)`);
    }
    async kill() {
        const run = this.run;
        this.run = null;
        if (run)
            await Promise.all([run.server, run.prober, run.streams].map((a) => a.kill()));
    }
}
//# sourceMappingURL=manager.js.map