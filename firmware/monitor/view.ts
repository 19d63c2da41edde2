/** Remote link monitoring as `diagnose sys ha port-stats` shows it: plain data. */
import type { ServerStatus } from './link-probes.js';

/** A server's probe record for display: the change time as an age. */
export type PingServerView = Omit<ServerStatus, 'changedAtMs'> & {
  /** Milliseconds since the state last changed; null when it has not since start. */
  lastChangeAgoMs: number | null;
};

export interface LinkMonitorView {
  name: string;
  srcintf: string;
  /** The source address probes are bound to; undefined when the kernel picks it. */
  source: string | undefined;
  haPriority: number;
  intervalMs: number;
  failtime: number;
  recoverytime: number;
  /** Its srcintf is listed in `pingserver-monitor-interface`. */
  counted: boolean;
  /** Every server is dead. */
  failed: boolean;
  /** Probing now (this unit is the primary). */
  probing: boolean;
  /** Why the probe socket could not be opened; '' when it is open or not needed. */
  socketError: string;
  servers: PingServerView[];
}

export interface RemoteLinkView {
  /** This unit probes (it is the primary). */
  active: boolean;
  /** The remote-link verdict: failed (held) or ok. */
  failed: boolean;
  /** Why it failed; '' while ok. */
  reason: string;
  /** Milliseconds left of the flip-timeout hold; null while ok. */
  holdRemainingMs: number | null;
  threshold: number;
  flipTimeoutMin: number;
  /** Summed ha-priority of the failed monitors that count. */
  failedWeight: number;
  monitors: LinkMonitorView[];
}
