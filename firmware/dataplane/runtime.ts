/**
 * Puts the configured data plane into the kernel and keeps it there as the configuration and
 * the unit's role change:
 * - the nftables ruleset (both units load it, so a takeover changes no rule);
 * - static routes (both units; onlink, see hal/nic/route.ts);
 * - the unit's own addresses (mgmt, non-data and reserved management ports) at once, and the
 *   management routes from them (mgmt-routes.ts);
 * - the data ports' addresses and virtual MACs through the takeover plan: armed in the HA
 *   worker, which claims them on becoming primary; a standalone unit claims them itself.
 */
import { portIfname } from '../../board/ports.js';
import type { BoardPort } from '../../board/types.js';
import type { ConntrackDevice } from '../../hal/conntrack/index.js';
import type { FirewallDevice } from '../../hal/firewall/index.js';
import type { IpConfigDevice, Ipv4Route, L2Device } from '../../hal/nic/index.js';
import type { DataPlaneConfig } from '../config/data-plane.js';
import type { HaSettings } from '../config/ha-settings.js';
import type { HaRuntime } from '../ha/runtime.js';
import type { TakeoverEvent } from '../ha/worker-protocol.js';
import { createLogger } from '../log/logger.js';
import { Announcer } from '../takeover/announcer.js';
import type { TakeoverPhases } from '../takeover/executor.js';
import { TakeoverExecutor } from '../takeover/executor.js';
import { GarpRounds } from '../takeover/garp-rounds.js';
import { staticRoutes, type TakeoverPlan, takeoverPlan } from '../takeover/plan.js';
import type { Timers } from '../time/timers.js';
import { type MgmtPlanInput, type MgmtRouting, mgmtPlan, NO_MGMT_ROUTING, reconcileMgmtRouting } from './mgmt-routes.js';
import { renderRuleset } from './ruleset.js';
import { StaleWindows } from './stale-windows.js';

const log = createLogger('dataplane');

export interface DataPlaneRuntimeOptions {
  /** Addresses and routes; the sending ports of the announcements and the standalone takeover. */
  nic: IpConfigDevice & L2Device;
  firewall: FirewallDevice;
  /** The sessions whose TCP windows go stale when another unit carried them (stale-windows.ts). */
  conntrack: ConntrackDevice;
  ports: readonly BoardPort[];
  serial: string;
  ha: HaRuntime;
  timers: Timers;
  now: () => number;
}

export class DataPlaneRuntime {
  readonly #o: DataPlaneRuntimeOptions;
  /** Claims the data ports while the unit runs standalone (HA off). */
  readonly #standalone: TakeoverExecutor;
  /** The main thread's own sockets for the announcement rounds that follow an HA takeover. */
  readonly #announcer: Announcer;
  readonly #rounds: GarpRounds;
  readonly #staleWindows: StaleWindows;
  #plan: TakeoverPlan | null = null;
  #haOn = false;
  #closed = false;
  #ruleset = '';
  #routes: Ipv4Route[] = [];
  #ownAddresses: { ifname: string; cidr: string }[] = [];
  #mgmtRouting: MgmtRouting = NO_MGMT_ROUTING;
  /** The management plan's last problems, logged when they change rather than at every apply. */
  #mgmtProblems = '';
  readonly #listeners: ((primary: boolean) => void)[] = [];

  constructor(o: DataPlaneRuntimeOptions) {
    this.#o = o;
    this.#standalone = new TakeoverExecutor(o.nic, o.serial, log);
    this.#announcer = new Announcer(o.nic, log);
    this.#rounds = new GarpRounds({ enabled: false, arps: 1, intervalS: 1 }, o.timers, o.now, () => this.#burst());
    this.#staleWindows = new StaleWindows({ conntrack: o.conntrack, now: o.now, timers: o.timers, log });
    // A run that ended during a walk may have left window checks off (stale-windows.ts).
    this.#try('turn TCP window checks on', () => o.conntrack.setTcpLiberal(false));
    o.ha.onTakeover((e) => this.#onTakeover(e));
  }

  /** Called with true when this unit starts holding the data ports, false when it stops. */
  onRole(listener: (primary: boolean) => void): void {
    this.#listeners.push(listener);
  }

  /**
   * Applies a configuration. Call it before the HA runtime applies the same settings when HA
   * is on (the worker starts armed), after it when HA is turned off (the worker has let go).
   */
  async apply(dp: DataPlaneConfig, ha: HaSettings): Promise<void> {
    if (this.#closed) return;
    const haOn = ha.mode !== 'standalone';
    const plan = takeoverPlan(dp, this.#o.ports, {
      groupId: haOn ? ha.groupId : null,
      vcluster: 0,
      gratuitousArps: ha.gratuitousArps,
    });
    this.#plan = plan;
    this.#rounds.configure({ enabled: ha.gratuitousArps, arps: ha.arps, intervalS: ha.arpsIntervalS });
    this.#announcer.setPorts(plan.ports);
    this.#applyOwnAddresses(dp);
    this.#applyMgmtRouting(dp, ha);
    this.#applyRoutes(dp);
    if (haOn) {
      if (this.#standalone.active) this.#report(this.#standalone.giveUp(), false);
      this.#o.ha.arm(plan);
    } else {
      this.#standalone.arm(plan);
      if (!this.#standalone.active || this.#haOn) {
        const r = this.#standalone.takeOver();
        this.#report(r.failures, true);
        this.#rounds.begin(this.#o.now());
      }
    }
    this.#haOn = haOn;
    await this.#applyRuleset(dp);
  }

  /** For good: a configuration or an HA event that comes after it changes nothing (a stopping unit announces nothing). */
  close(): void {
    this.#closed = true;
    this.#staleWindows.close();
    this.#rounds.stop();
    this.#announcer.close();
    this.#standalone.close();
  }

  #onTakeover(e: TakeoverEvent): void {
    // A worker's last words can come in after HA was turned off and a standalone unit took the
    // ports (its release is read after its exit): they are about ports it no longer manages.
    if (this.#closed || !this.#haOn) return;
    switch (e.type) {
      case 'took-over':
        log.event(
          `took over the data ports in ${e.tookMs.toFixed(2)} ms (${phasesText(e.phases)}; ${e.announced} announcements sent)${e.failures.length ? `; failed: ${e.failures.join('; ')}` : ''}`,
          e.failures.length ? 'warn' : 'info',
          { subtype: 'ha', fields: { action: 'takeover', duration_ms: Number(e.tookMs.toFixed(2)) } },
        );
        this.#rounds.begin(e.atMs);
        this.#staleWindows.relax('this unit took over');
        for (const l of this.#listeners) l(true);
        break;
      case 'gave-up':
        log.event(
          `gave up the data ports in ${e.tookMs.toFixed(2)} ms${e.failures.length ? `; failed: ${e.failures.join('; ')}` : ''}`,
          'info',
          { subtype: 'ha', fields: { action: 'giveup', duration_ms: Number(e.tookMs.toFixed(2)) } },
        );
        this.#rounds.stop();
        for (const l of this.#listeners) l(false);
        break;
      case 'announce-round':
        log.event(`announcing the data addresses afresh: ${e.reason}`);
        this.#rounds.begin(e.atMs);
        break;
      case 'carried-elsewhere':
        this.#staleWindows.relax(e.reason);
        break;
    }
  }

  #burst(): void {
    const plan = this.#plan;
    if (!plan) return;
    if (this.#haOn) this.#announcer.burst(plan.ports, (p) => p.virtualMac ?? undefined);
    else this.#standalone.announce();
  }

  #report(failures: string[], primary: boolean): void {
    if (failures.length > 0) log.event(`data ports: ${failures.join('; ')}`, 'warn');
    for (const l of this.#listeners) l(primary);
  }

  #ifnameOf = (port: string): string => portIfname(this.#o.ports, port);

  /** The mgmt port, non-data ports and per-unit data ports keep their addresses whatever the role. */
  #applyOwnAddresses(dp: DataPlaneConfig): void {
    const want = dp.interfaces.flatMap((i) => {
      const port = this.#o.ports.find((p) => p.name === i.name);
      if (!port || (port.role === 'data' && !i.perUnit)) return [];
      const cidrs = [...(i.address ? [`${i.address.address}/${i.address.prefixLength}`] : []), ...(i.ipv6 ? [i.ipv6] : [])];
      return cidrs.map((cidr) => ({ ifname: port.ifname, cidr }));
    });
    const same = (a: { ifname: string; cidr: string }, b: { ifname: string; cidr: string }) =>
      a.ifname === b.ifname && a.cidr === b.cidr;
    for (const old of this.#ownAddresses) {
      if (!want.some((w) => same(w, old)))
        this.#try(`remove ${old.cidr} from ${old.ifname}`, () => this.#o.nic.removeAddress(old.ifname, old.cidr));
    }
    for (const w of want) this.#try(`add ${w.cidr} to ${w.ifname}`, () => this.#o.nic.addAddress(w.ifname, w.cidr));
    this.#ownAddresses = want;
  }

  /** After the own addresses: the kernel checks each gateway against the networks they connect. */
  #applyMgmtRouting(dp: DataPlaneConfig, mgmt: MgmtPlanInput): void {
    const plan = mgmtPlan(mgmt, dp, this.#o.ports);
    const problems = plan.problems.join('; ');
    if (problems && problems !== this.#mgmtProblems) log.event(`management routes left out: ${problems}`, 'warn');
    this.#mgmtProblems = problems;
    const done = reconcileMgmtRouting(this.#o.nic, this.#mgmtRouting, plan);
    this.#mgmtRouting = done.installed;
    for (const f of done.failures) log.event(`data plane: ${f}`, 'warn');
  }

  #applyRoutes(dp: DataPlaneConfig): void {
    const want = staticRoutes(dp, this.#o.ports);
    const key = (r: Ipv4Route) => `${r.dst} ${r.gateway ?? '-'} ${r.ifname} ${r.metric}`;
    for (const old of this.#routes) {
      if (!want.some((w) => key(w) === key(old))) this.#try(`remove route ${key(old)}`, () => this.#o.nic.removeRoute(old));
    }
    for (const w of want) this.#try(`route ${key(w)}`, () => this.#o.nic.replaceRoute(w));
    this.#routes = want;
  }

  async #applyRuleset(dp: DataPlaneConfig): Promise<void> {
    const text = renderRuleset(dp, { ifnameOf: this.#ifnameOf });
    if (text === this.#ruleset) return;
    const started = this.#o.now();
    try {
      await this.#o.firewall.apply(text);
      this.#ruleset = text;
      log.event(`firewall ruleset loaded: ${dp.policies.length} policies in ${(this.#o.now() - started).toFixed(0)} ms`);
    } catch (err) {
      log.event(`firewall ruleset refused, the previous one stays in force: ${(err as Error).message}`, 'error');
    }
  }

  #try(what: string, run: () => void): void {
    try {
      run();
    } catch (err) {
      log.event(`data plane: ${what} failed: ${(err as Error).message}`, 'warn');
    }
  }
}

/** "MACs 0.41, addresses 1.20, forwarding 0.05, first announcement 0.30 ms". */
function phasesText(p: TakeoverPhases): string {
  const f = (ms: number) => ms.toFixed(2);
  return `MACs ${f(p.macs)}, addresses ${f(p.addresses)}, forwarding ${f(p.forwarding)}, first announcement ${f(p.announcement)} ms`;
}
