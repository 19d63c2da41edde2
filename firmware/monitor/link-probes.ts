/**
 * One `config system link-monitor` entry's probes as pure, clock-driven logic: the caller says
 * when a round starts, which sends failed and which replies came; this says which servers are
 * alive and whether the monitor has failed. Times are monotonic milliseconds, passed in.
 *
 * A round probes every server with one sequence number. A probe is lost when the next round
 * starts without its reply (so "no reply within the interval"); a reply whose measured round
 * trip is longer than the interval is late and does not count either. The caller drains
 * replies before starting a round, so a reply that arrived in time is never judged lost.
 *
 * Server states: alive → dead after `failtime` consecutive lost probes; dead → alive after
 * `recoverytime` consecutive replies. A monitor has failed when every one of its servers is
 * dead (FortiOS: "the monitor is only marked as failed if all configured servers stop
 * responding"), so one server down out of two is not a failed link.
 */
import type { LinkMonitorConfig } from '../config/data-plane.js';

export type ServerState = 'alive' | 'dead';

export interface ServerStatus {
  server: string;
  state: ServerState;
  /** Probes handed to the socket. */
  sent: number;
  /** Probes that could not be sent (no route, no source address, no socket). They count as lost too. */
  sendErrors: number;
  /** Replies in time. */
  replies: number;
  lost: number;
  /** Replies to a probe already judged lost, or slower than the interval. */
  late: number;
  /** Round trip of the last reply in time, ms; null before the first. */
  lastRttMs: number | null;
  consecutiveLost: number;
  consecutiveReplies: number;
  /** When the state last changed; null when it has not since start. */
  changedAtMs: number | null;
}

/** A server that changed state, with the count that made it. */
export interface ServerChange {
  server: string;
  state: ServerState;
  why: string;
}

interface Server extends ServerStatus {
  /** This round's probe, until it is answered. */
  pending: { seq: number } | null;
}

export class LinkProbes {
  private readonly servers: Server[];
  private seq = 0;

  constructor(readonly config: LinkMonitorConfig) {
    this.servers = config.server.map((server) => ({
      server,
      state: 'alive',
      sent: 0,
      sendErrors: 0,
      replies: 0,
      lost: 0,
      late: 0,
      lastRttMs: null,
      consecutiveLost: 0,
      consecutiveReplies: 0,
      changedAtMs: null,
      pending: null,
    }));
  }

  /**
   * Starts a round at `nowMs`: the previous round's unanswered probes are lost. Returns the
   * sequence number to send to every server (each send then reported by `sent`).
   */
  round(nowMs: number): { seq: number; changes: ServerChange[] } {
    const changes: ServerChange[] = [];
    for (const s of this.servers) {
      if (s.pending) {
        const change = this.lose(s, nowMs);
        if (change) changes.push(change);
      }
      s.pending = null;
    }
    this.seq = (this.seq + 1) & 0xffff;
    for (const s of this.servers) s.pending = { seq: this.seq };
    return { seq: this.seq, changes };
  }

  /** Reports whether this round's probe to `server` left. A failed send stays pending, so it is lost. */
  sent(server: string, ok: boolean): void {
    const s = this.find(server);
    if (!s) return;
    if (ok) s.sent++;
    else s.sendErrors++;
  }

  /** A reply from `from` to probe `seq`; `rttMs` < 0 when unmeasured. Returns the change it made. */
  reply(from: string, seq: number, rttMs: number, nowMs: number): ServerChange | undefined {
    const s = this.find(from);
    if (!s) return undefined;
    if (!s.pending || s.pending.seq !== seq || rttMs > this.config.intervalMs) {
      s.late++;
      return undefined;
    }
    s.pending = null;
    s.replies++;
    if (rttMs >= 0) s.lastRttMs = rttMs;
    s.consecutiveLost = 0;
    s.consecutiveReplies++;
    // Dead → alive only after `recoverytime` replies in a row: one lucky reply is no recovery.
    if (s.state === 'dead' && s.consecutiveReplies >= this.config.recoverytime) {
      return this.change(s, 'alive', `${s.consecutiveReplies} replies in a row`, nowMs);
    }
    return undefined;
  }

  /** Every server is dead. */
  get failed(): boolean {
    return this.servers.length > 0 && this.servers.every((s) => s.state === 'dead');
  }

  /** Forgets the states and what is pending (a fresh start); the totals stay for the operator. */
  restart(): void {
    for (const s of this.servers) {
      s.state = 'alive';
      s.consecutiveLost = 0;
      s.consecutiveReplies = 0;
      s.pending = null;
    }
  }

  status(): ServerStatus[] {
    return this.servers.map(({ pending: _, ...status }) => ({ ...status }));
  }

  private lose(s: Server, nowMs: number): ServerChange | undefined {
    s.lost++;
    s.consecutiveReplies = 0;
    s.consecutiveLost++;
    // Alive → dead after `failtime` losses in a row; a dead server stays dead while it stays silent.
    if (s.state === 'alive' && s.consecutiveLost >= this.config.failtime) {
      return this.change(s, 'dead', `${s.consecutiveLost} probes lost in a row`, nowMs);
    }
    return undefined;
  }

  private change(s: Server, state: ServerState, why: string, nowMs: number): ServerChange {
    s.state = state;
    s.changedAtMs = nowMs;
    return { server: s.server, state, why };
  }

  private find(server: string): Server | undefined {
    return this.servers.find((s) => s.server === server);
  }
}
