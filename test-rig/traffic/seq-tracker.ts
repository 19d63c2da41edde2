/**
 * Which sequence numbers of a probe stream arrived, and the outages: runs of missing numbers.
 *
 * Outages are timed by the sender's clock (the send times the probes carry), so the client
 * (echoes: the round trip) and the server (probes: the forward path) time them alike and
 * transit delay does not blur them. An outage lies between `startMs`, the send time of the
 * last probe through before the hole, and `endMs`, that of the first through after it: the
 * path was broken somewhere inside, and `gapMs` exceeds the break by less than two probe
 * intervals. A late probe (reordered) fills its place and splits the hole around it.
 *
 * Pure: times are numbers handed in.
 */

export interface Outage {
  /** First and last sequence number missing. */
  firstSeq: number;
  lastSeq: number;
  lost: number;
  /** Send time (CLOCK_MONOTONIC ms) of the last probe through before the hole. */
  startMs: number;
  /** Send time of the first probe through after the hole; null while it is still open. */
  endMs: number | null;
  /** endMs − startMs; for an open hole, up to the send time of the last settled probe. */
  gapMs: number;
}

/** A tracker's state as plain data. */
export interface SeqRecord {
  /** Distinct sequence numbers received. */
  received: number;
  duplicates: number;
  /** Arrivals below the highest number received so far. */
  reordered: number;
  /** The first number received and its arrival time (null before any). */
  firstSeq: number | null;
  firstAtMs: number | null;
  /** The highest number received and its send time (-1 and NaN before any). */
  highSeq: number;
  highSendMs: number;
  /** Missing numbers inside closed holes. */
  holeMissing: number;
  /** Numbers received below `firstSeq` (late arrivals from before the first). */
  belowFirst: number;
  /** Closed holes in sequence order; the smallest are dropped beyond the tracker's limit. */
  outages: Outage[];
  /** Closed holes ever recorded, including those dropped from `outages`. */
  outageCount: number;
}

/** The last probe the sender sent at least SETTLE_MS ago. */
export interface Settled {
  seq: number;
  sendMs: number;
}

export const DEFAULT_MAX_OUTAGES = 1000;

function hole(firstSeq: number, lastSeq: number, startMs: number, endMs: number): Outage {
  return { firstSeq, lastSeq, lost: lastSeq - firstSeq + 1, startMs, endMs, gapMs: endMs - startMs };
}

export class SeqTracker {
  private seen = new Uint8Array(4096);
  private received = 0;
  private duplicates = 0;
  private reordered = 0;
  private firstSeq: number | null = null;
  private firstAtMs: number | null = null;
  private highSeq = -1;
  private highSendMs = Number.NaN;
  private holeMissing = 0;
  private belowFirst = 0;
  private readonly outages: Outage[] = [];
  private dropped = 0;

  constructor(private readonly maxOutages = DEFAULT_MAX_OUTAGES) {}

  /** One probe arrived: its sequence number, its send time, and when it arrived. */
  accept(seq: number, sendMs: number, atMs: number): void {
    if (this.mark(seq)) {
      this.duplicates++;
      return;
    }
    this.received++;
    if (this.firstSeq === null) {
      this.firstSeq = seq;
      this.firstAtMs = atMs;
      this.highSeq = seq;
      this.highSendMs = sendMs;
      return;
    }
    if (seq > this.highSeq) {
      if (seq > this.highSeq + 1) {
        this.holeMissing += seq - this.highSeq - 1;
        this.add(hole(this.highSeq + 1, seq - 1, this.highSendMs, sendMs));
      }
      this.highSeq = seq;
      this.highSendMs = sendMs;
      return;
    }
    this.reordered++;
    if (seq < this.firstSeq) {
      this.belowFirst++;
      return;
    }
    this.holeMissing--;
    this.fill(seq, sendMs);
  }

  record(): SeqRecord {
    return {
      received: this.received,
      duplicates: this.duplicates,
      reordered: this.reordered,
      firstSeq: this.firstSeq,
      firstAtMs: this.firstAtMs,
      highSeq: this.highSeq,
      highSendMs: this.highSendMs,
      holeMissing: this.holeMissing,
      belowFirst: this.belowFirst,
      outages: this.outages.map((o) => ({ ...o })),
      outageCount: this.outages.length + this.dropped,
    };
  }

  /** Marks `seq` seen; returns whether it was seen before. */
  private mark(seq: number): boolean {
    const byte = seq >>> 3;
    if (byte >= this.seen.length) {
      const grown = new Uint8Array(Math.max(this.seen.length * 2, byte + 1));
      grown.set(this.seen);
      this.seen = grown;
    }
    const bit = 1 << (seq & 7);
    const was = (this.seen[byte] & bit) !== 0;
    this.seen[byte] |= bit;
    return was;
  }

  private add(o: Outage): void {
    this.outages.push(o);
    if (this.outages.length <= this.maxOutages) return;
    let smallest = 0;
    for (let i = 1; i < this.outages.length; i++) {
      if (this.outages[i].lost < this.outages[smallest].lost) smallest = i;
    }
    this.outages.splice(smallest, 1);
    this.dropped++;
  }

  private fill(seq: number, sendMs: number): void {
    for (let i = this.outages.length - 1; i >= 0; i--) {
      const h = this.outages[i];
      if (seq < h.firstSeq || seq > h.lastSeq) continue;
      const parts: Outage[] = [];
      if (seq > h.firstSeq) parts.push(hole(h.firstSeq, seq - 1, h.startMs, sendMs));
      if (seq < h.lastSeq) parts.push(hole(seq + 1, h.lastSeq, sendMs, h.endMs ?? sendMs));
      this.outages.splice(i, 1, ...parts);
      if (parts.length === 2 && this.outages.length > this.maxOutages) {
        this.outages.splice(i + 1, 1);
        this.dropped++;
      }
      return;
    }
  }
}

/** The hole still open at the end: probes settled but not received since the highest. */
export function openOutage(rec: SeqRecord, settled: Settled | null): Outage | null {
  if (settled === null || rec.firstSeq === null || settled.seq <= rec.highSeq) return null;
  return {
    firstSeq: rec.highSeq + 1,
    lastSeq: settled.seq,
    lost: settled.seq - rec.highSeq,
    startMs: rec.highSendMs,
    endMs: null,
    gapMs: settled.sendMs - rec.highSendMs,
  };
}

/** Closed outages, then the open one if any. */
export function outagesOf(rec: SeqRecord, settled: Settled | null): Outage[] {
  const open = openOutage(rec, settled);
  return open ? [...rec.outages, open] : rec.outages;
}

/**
 * Probes up to `settled` that never arrived: those before the first one received, those in
 * holes, and those after the highest. Exact once the sender has stopped and drained.
 */
export function lostOf(rec: SeqRecord, settled: Settled | null): number {
  if (settled === null) return 0;
  if (rec.firstSeq === null) return settled.seq + 1;
  const beforeFirst = Math.max(0, Math.min(rec.firstSeq, settled.seq + 1) - rec.belowFirst);
  return beforeFirst + rec.holeMissing + (openOutage(rec, settled)?.lost ?? 0);
}
