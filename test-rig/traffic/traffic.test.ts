import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { cliNamespace, rigDir, srvNamespace, switchNamespace, uniqueRigName } from '../paths.js';
import { isAlive, monotonicMs, signalQuietly } from '../processes.js';
import { rig, up } from '../rig.js';
import { needRig } from '../rig.testkit.js';
import { rigConfig } from '../rig-config.js';
import { ip, run } from '../shell.js';
import { readState } from '../state.js';
import { namespacesOfRig } from '../topology.js';
import type { Outage, TrafficReport } from './report.js';
import { standInGateway } from './stand-in.testkit.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function nsPids(ns: string): Promise<number[]> {
  const out = await ip(['netns', 'pids', ns]).catch(() => '');
  return out.split(/\s+/).filter(Boolean).map(Number);
}

async function waitNoPids(namespaces: string[], what: string): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    const left = (await Promise.all(namespaces.map(nsPids))).flat();
    if (left.length === 0) return;
    if (Date.now() > end) assert.fail(`${what}: processes ${left.join(', ')} still run in ${namespaces.join(', ')}`);
    await sleep(50);
  }
}

/** The outage of `outages` that spans [fromMs, toMs]. */
function spanning(outages: Outage[], fromMs: number, toMs: number): Outage | undefined {
  return outages.find((o) => o.startMs <= fromMs && (o.endMs ?? Number.POSITIVE_INFINITY) >= toMs);
}

const closedAfter = (r: TrafficReport, ms: number) =>
  r.outages.some((o) => o.endMs !== null && o.endMs > ms) && r.forward.outages.some((o) => o.endMs !== null && o.endMs > ms);

test('traffic through a stand-in gateway: counts, an outage timed while its port is down, loss, clean-up', async (t) => {
  if (!(await needRig(t, { firmware: true }))) return;
  const name = uniqueRigName('tr');
  t.after(() => rig(name).down());
  // Boards without the gateway data plane: the stand-in must be the only gateway.
  const r = await up({ name, boards: 2, wait: 'booted', configs: [rigConfig(0), rigConfig(1)] });
  await r.fault('kill', 'B');
  await standInGateway(name, 'B');

  await assert.rejects(r.traffic.report(), /has no traffic: start it first/);
  const started = await r.traffic.start();
  assert.deepEqual([started.running, started.intervalMs, started.streams.requested], [true, 1, 4]);
  await r.traffic.flowing(15_000);
  await sleep(1500);
  const steady = await r.traffic.report();
  assert.equal(steady.outageCount, 0, `no outage before any fault: ${JSON.stringify(steady.outages)}`);
  assert.deepEqual([steady.streams.alive, steady.streams.broken], [4, 0]);
  assert.ok(steady.sent >= 1000 && steady.received >= 900, `probes flow: ${steady.sent} sent, ${steady.received} echoed`);
  const median = steady.pacing.medianMs ?? 0;
  assert.ok(median > 0.9 && median < 1.1, `a probe every 1 ms: median interval ${median} ms`);

  // The stand-in's LAN cable dark for ~600 ms: one outage both ways, spanning the fault.
  // A fault is stamped as its request starts; the cable is surely dark once the call returned,
  // and surely lit again once the port-up returned.
  const downCalled = monotonicMs();
  const down = await r.fault('port-down', 'B:port2');
  const darkBy = monotonicMs();
  await sleep(600);
  const upCalled = monotonicMs();
  await r.fault('port-up', 'B:port2');
  const litBy = monotonicMs();
  const after = await r.traffic.waitFor((x) => closedAfter(x, down.atMs), 15_000, 'probes through again after port-up');
  const fwd = spanning(after.forward.outages, darkBy, upCalled - 1);
  const rtt = spanning(after.outages, darkBy, upCalled - 1);
  assert.ok(fwd && rtt, `an outage spans the port's dark time: ${JSON.stringify(after.outages)}`);
  const least = upCalled - darkBy;
  const most = litBy - downCalled;
  t.diagnostic(
    `port down ${least.toFixed(1)}-${most.toFixed(1)} ms: forward gap ${fwd.gapMs.toFixed(1)} ms, round trip ${rtt.gapMs.toFixed(1)} ms`,
  );
  assert.ok(fwd.gapMs >= least - 1 && fwd.gapMs <= most + 500, `forward gap ${fwd.gapMs} ms for a port down ${least}-${most} ms`);
  assert.ok(rtt.gapMs >= fwd.gapMs - 2 && rtt.gapMs <= most + 2000, `round-trip gap ${rtt.gapMs} ms, forward ${fwd.gapMs} ms`);
  assert.ok(Math.abs(fwd.lost - fwd.gapMs) <= fwd.gapMs * 0.1 + 5, `~1 probe lost per ms: ${fwd.lost} in ${fwd.gapMs} ms`);

  const recovered = await r.traffic.waitFor(
    (x) => x.streams.list.every((s) => (s.toClient.lastArrivalMs ?? 0) > litBy && (s.toServer.lastArrivalMs ?? 0) > litBy),
    20_000,
    'every stream carries data again',
  );
  assert.deepEqual([recovered.streams.alive, recovered.streams.broken], [4, 0], 'the streams survive the outage');
  assert.ok(recovered.streams.maxStallMs >= least - 20, `streams stalled ${recovered.streams.maxStallMs} ms`);

  // Loss 50 on the cable: about half the probes lost on the way there.
  const lossOn = await r.fault('loss', 'B:port2', 50);
  assert.equal(lossOn.percent, 50);
  const l1 = await r.traffic.report();
  await sleep(2000);
  const l2 = await r.traffic.report();
  await r.fault('loss', 'B:port2', 0);
  const share = (l2.forward.lost - l1.forward.lost) / (l2.sent - l1.sent);
  t.diagnostic(`loss 50: ${(share * 100).toFixed(1)}% lost on the way there; pacing ${JSON.stringify(l2.pacing)}`);
  assert.ok(share > 0.35 && share < 0.65, `loss 50: ${Math.round(share * 100)}% of the probes lost on the way there`);

  // Loss 100 stops the traffic on the cable; loss 0 lets it through again.
  const cut = await r.fault('loss', 'B:port2', 100);
  // The drop starts somewhere between the hand-over to nft (atMs) and the fault's answer.
  const cutAnswered = monotonicMs();
  assert.match(
    await run('ip', ['netns', 'exec', switchNamespace(name), 'nft', 'list', 'table', 'bridge', 'tandem_loss']).then(
      (x) => x.stdout,
    ),
    /B-port2/,
  );
  const stopped = await r.traffic.waitFor(
    (x) => x.outages.some((o) => o.endMs === null && o.startMs >= cut.atMs - 5 && o.startMs <= cutAnswered && o.lost >= 300),
    10_000,
    'an open outage under loss 100',
  );
  assert.ok(stopped.received > 0);
  const restored = await r.fault('loss', 'B:port2', 0);
  await r.traffic.waitFor((x) => closedAfter(x, restored.atMs - 1), 15_000, 'probes through again after loss 0');
  await assert.rejects(
    run('ip', ['netns', 'exec', switchNamespace(name), 'nft', 'list', 'table', 'bridge', 'tandem_loss']),
    /No such file|does not exist/,
  );

  // Stop: a final report with everything settled, kept for later; the agents are gone.
  const final = await r.traffic.stop();
  assert.equal(final.running, false);
  assert.equal(final.inFlight, 0);
  assert.equal(final.lost, final.sent - final.received);
  assert.deepEqual(await r.traffic.report(), final);
  await waitNoPids([cliNamespace(name), srvNamespace(name)], 'after stop');

  // A new start counts from zero; agents of a supervisor that dies leave with it.
  const again = await r.traffic.start({ streams: 1, intervalMs: 2 });
  assert.deepEqual([again.outageCount, again.streams.requested, again.intervalMs], [0, 1, 2]);
  assert.ok(again.sent < 200, `counters restart: ${again.sent} sent`);
  assert.ok((await nsPids(cliNamespace(name))).length === 2 && (await nsPids(srvNamespace(name))).length === 1);
  const owner = readState(name)?.owner;
  assert.ok(owner);
  signalQuietly(owner.pid, 'SIGKILL');
  await waitNoPids([cliNamespace(name), srvNamespace(name)], 'after the supervisor was killed');
  assert.equal(isAlive(owner), false);
  await rig(name).down();
  assert.deepEqual(namespacesOfRig(name), []);
  assert.equal(existsSync(rigDir(name)), false);
});
