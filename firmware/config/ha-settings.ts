/**
 * The typed `config system ha` values the HA runtime uses: the contract between the config layer,
 * which produces them (settings-from-tree.ts reads them off a checked tree), and the HA runtime
 * that consumes them (firmware/ha/). Names, defaults and ranges live in the schema
 * (schema-system.ts), not here; what follows from them (heartbeat interval, peer lost time) is HA
 * logic and lives in firmware/ha/settings.ts.
 */
export type HaMode = 'standalone' | 'a-p' | 'a-a';

/**
 * `upgrade-mode` (FortiOS 7.4.1+): what `execute restore image` on the primary does.
 * uninterruptible: one unit at a time, secondaries first, the primary last after a failover;
 * simultaneous: every unit at once (an outage); local-only: this unit alone;
 * secondary-only: every secondary, one at a time, the primary stays as it is.
 */
export type UpgradeMode = 'simultaneous' | 'uninterruptible' | 'local-only' | 'secondary-only';

/** One `hbdev` entry: a heartbeat port and its priority. */
export interface HbDev {
  port: string;
  priority: number;
}

/** What the primary syncs to its secondaries: the `session-pickup*` options. */
export interface SessionPickup {
  /** `session-pickup`: TCP sessions; the other options only add to it. */
  tcp: boolean;
  /** `session-pickup-connectionless`: UDP and ICMP sessions too. */
  connectionless: boolean;
  /** `session-pickup-expectation`: the expectations of conntrack helpers (an FTP data connection to come). */
  expectation: boolean;
  /** `session-pickup-nat`: NATed sessions, with their mapping. */
  nat: boolean;
  /** `session-pickup-delay`: only sessions alive for more than 30 s. */
  delay: boolean;
}

/** One `config ha-mgmt-interfaces` entry: a reserved management port and its route (docs/config-sync-plan.md §7). */
export interface MgmtInterface {
  /** The entry number (`edit 1`). */
  id: number;
  /** The reserved port. */
  interface: string;
  /** `dst` as `a.b.c.d/len` (`0.0.0.0/0`: any). */
  dst: string;
  /** `gateway` (`0.0.0.0`: none). */
  gateway: string;
}

export interface HaSettings {
  /** `mode`: standalone, active-passive or active-active. */
  mode: HaMode;
  /** `group-id`: one byte, carried in the virtual MAC. */
  groupId: number;
  /** `group-name`. */
  groupName: string;
  /** `password`, in clear: every heartbeat's authentication key (and encryption key) derives from it. */
  password: string;
  /** `priority` (per unit). */
  priority: number;
  /** `override` (per unit): priority before age in the election; any member's override sets the cluster's order. */
  override: boolean;
  /** `hbdev`: the heartbeat ports with their priorities. */
  hbdev: HbDev[];
  /** `monitor`: the data ports whose link counts in the election. */
  monitor: string[];
  /** `hb-interval` in units of `hb-interval-in-milliseconds`. */
  hbInterval: number;
  /** `hb-interval-in-milliseconds`, as a number of milliseconds. */
  hbIntervalUnitMs: 100 | 10;
  /** `hb-lost-threshold`: heartbeat intervals without a heartbeat before the peer is lost. */
  hbLostThreshold: number;
  /** `hello-holddown`, seconds a unit stays in hello before it elects. */
  helloHolddownS: number;
  /** `ha-uptime-diff-margin`, seconds within which two ages count as equal in the election. */
  uptimeDiffMarginS: number;
  /** `authentication`: frames are authenticated either way; enabled, it only requires a non-empty password (a schema rule). */
  authentication: boolean;
  /** `encryption`: heartbeats are encrypted. */
  encryption: boolean;
  /** `unicast-hb`: heartbeats also go to `unicast-hb-peerip` as UDP, where Layer 2 does not reach. */
  unicastHb: boolean;
  /** `unicast-hb-peerip`. */
  unicastHbPeerip: string;
  /** `gratuitous-arps`: announce the addresses after taking over. */
  gratuitousArps: boolean;
  /** `arps`: how many gratuitous ARPs per address. */
  arps: number;
  /** `arps-interval`, seconds between them. */
  arpsIntervalS: number;
  /** `hb-carrier-failover` (Tandem's own): all direct-cable heartbeat ports losing carrier at once means the peer lost power. */
  hbCarrierFailover: boolean;
  /** Data ports a primary sends its beacon on (`data-beacon` and `data-beacon-dev`, resolved; empty: none). */
  dataBeaconDev: string[];
  /** `failover-hold-time`: minimum seconds between two failovers (0: none). */
  failoverHoldTimeS: number;
  upgradeMode: UpgradeMode;
  /** `pingserver-monitor-interface`: ports whose link monitors count towards remote link failover. */
  pingserverMonitorInterface: string[];
  /** `pingserver-failover-threshold`: failed-monitor weight that triggers failover (0: any failure). */
  pingserverFailoverThreshold: number;
  /** `pingserver-flip-timeout`, minutes before a unit failed by ping may become primary again. */
  pingserverFlipTimeoutMin: number;
  /** The `session-pickup*` options. */
  sessionPickup: SessionPickup;
  /** `session-sync-dev`: data ports that carry session sync (empty: the heartbeat link, UDP 708). */
  sessionSyncDev: string[];
  /** `sync-config` (per unit): this unit takes the primary's configuration. */
  syncConfig: boolean;
  /** `ha-mgmt-status` (per unit): the reserved management interfaces are in use. */
  haMgmtStatus: boolean;
  /** `config ha-mgmt-interfaces` (per unit), whatever `ha-mgmt-status` says. */
  mgmtInterfaces: MgmtInterface[];
  /** `ha-direct`: management traffic (syslog) leaves from the reserved management interface. */
  haDirect: boolean;
}
