/**
 * Conntrack device: the kernel's session table, read in streamed dumps and as events, and
 * written in batches, which is what session sync needs of it (DESIGN.md, "Session sync").
 *
 * Records are plain objects of a fixed shape (every field present, "none" as 0, '' or null) so
 * that thousands a second stay cheap to build, compare and encode. Addresses are text (lib/
 * ip-text.ts): "198.18.0.1", "2001:db8::1".
 *
 * Errors: opening throws `HalError` (errno + device). Batched writes never throw for a record:
 * each refused record comes back with its errno while the others go in; writes, dumps, counts
 * and flushes throw `HalError` only when the exchange with the kernel itself fails (a send or
 * receive error, no answer within 5 s, use after close). Event reads never throw: a
 * receive-buffer overrun (ENOBUFS) is a flag and a counter, since it means only that the caller
 * must resynchronise from a dump. Malformed kernel messages are skipped and counted.
 */
import type { Pollable } from '../clock/index.js';

/** IP version of a record's addresses. */
export type CtFamily = 4 | 6;

/** IP protocol numbers with special handling; any other protocol is carried by number. */
export const PROTO = { ICMP: 1, TCP: 6, UDP: 17, ICMPV6: 58 } as const;

/** Status bits (enum ip_conntrack_status, linux/netfilter/nf_conntrack_common.h). */
export const IPS = {
  EXPECTED: 0x1,
  SEEN_REPLY: 0x2,
  ASSURED: 0x4,
  CONFIRMED: 0x8,
  SRC_NAT: 0x10,
  DST_NAT: 0x20,
  SEQ_ADJUST: 0x40,
  SRC_NAT_DONE: 0x80,
  DST_NAT_DONE: 0x100,
  DYING: 0x200,
  FIXED_TIMEOUT: 0x400,
  HELPER: 0x2000,
  OFFLOAD: 0x4000,
} as const;

/** TCP tracking states (enum tcp_conntrack, linux/netfilter/nf_conntrack_tcp.h). */
export const TCP_STATE = {
  NONE: 0,
  SYN_SENT: 1,
  SYN_RECV: 2,
  ESTABLISHED: 3,
  FIN_WAIT: 4,
  CLOSE_WAIT: 5,
  LAST_ACK: 6,
  TIME_WAIT: 7,
  CLOSE: 8,
  SYN_SENT2: 9,
} as const;

/** Per-direction TCP flags (IP_CT_TCP_FLAG_*, linux/netfilter/nf_conntrack_tcp.h). */
export const TCP_FLAG = { WINDOW_SCALE: 0x1, SACK_PERM: 0x2, CLOSE_INIT: 0x4, BE_LIBERAL: 0x8 } as const;

/** One direction of a session. Fields a protocol does not have are 0. */
export interface CtTuple {
  src: string;
  dst: string;
  /** IP protocol number (PROTO, or any other). */
  proto: number;
  /** TCP, UDP, SCTP, DCCP, UDP-Lite ports (GRE keys). */
  sport: number;
  dport: number;
  /** ICMP and ICMPv6 echo identifier, type and code. */
  icmpId: number;
  icmpType: number;
  icmpCode: number;
}

/** TCP window tracking: what lets a new owner accept a stream mid-flight (MEASURED.md). */
export interface CtTcpInfo {
  state: number;
  wscaleOrig: number;
  wscaleReply: number;
  /** TCP_FLAG bits seen from each side. */
  flagsOrig: number;
  flagsReply: number;
}

/**
 * A session. NAT shows as a reply tuple that is not the original inverted (SNAT: reply.dst
 * is the translated source; DNAT: reply.src is the translated destination); both tuples are
 * kept and `create` turns the difference back into the kernel's NAT setup.
 */
export interface CtSession {
  family: CtFamily;
  orig: CtTuple;
  reply: CtTuple;
  /** IPS bits. */
  status: number;
  /** Seconds left; 0 when the message carried none (destroy events). */
  timeout: number;
  mark: number;
  zone: number;
  /** The kernel's id of the entry (differs between kernels); ignored when writing. */
  id: number;
  /** TCP only, and only when the message carried it (update events without a state change do not). */
  tcp: CtTcpInfo | null;
  /** Conntrack helper ("ftp"), '' for none. */
  helper: string;
  /** For a related session (IPS.EXPECTED): the original tuple of the session that expected it. */
  master: CtTuple | null;
  /**
   * When the kernel confirmed the entry, in wall-clock ms (CTA_TIMESTAMP_START), 0 when the
   * message carried none: the kernel stamps only entries made while its timestamps are on
   * (enableTimestamps), and sends the stamp in dumps and destroy events only, never in new or
   * update events. Ignored when writing: the kernel stamps what it is given with its own time.
   */
  startWallMs: number;
}

/** What identifies a session for `delete`. */
export type CtKey = Pick<CtSession, 'family' | 'orig' | 'zone'>;

/** A helper's expectation of a related session (an FTP data connection, for instance). */
export interface CtExpectation {
  family: CtFamily;
  /** Original tuple of the session that made the expectation. */
  master: CtTuple;
  /** The expected session's original tuple, compared under `mask`. */
  tuple: CtTuple;
  mask: CtTuple;
  timeout: number;
  id: number;
  /** NF_CT_EXPECT_* flags. */
  flags: number;
  /** Helper and its expectation class; '' when none. */
  helper: string;
  expectClass: number;
  /** Function the helper runs on the expected session ("nat-follow-master"), '' when none. */
  fn: string;
  /** NAT of the expected session, when the master is NAT'd: direction and saved tuple. */
  natDir: number;
  nat: CtTuple | null;
}

/** What identifies an expectation for `deleteExpectations`: its tuple, which the kernel compares under the expectation's mask. */
export type CtExpectationKey = Pick<CtExpectation, 'family' | 'tuple'>;

export type CtSessionEventType = 'new' | 'update' | 'destroy';
export type CtExpectationEventType = 'exp-new' | 'exp-destroy';
export type CtEventType = CtSessionEventType | CtExpectationEventType;

export type CtEvent =
  | { type: CtSessionEventType; session: CtSession }
  | { type: CtExpectationEventType; expectation: CtExpectation };

/** Malformed kernel messages, by the rung of the decoder that refused them. */
export interface CtDecodeCounters {
  /** A netlink header whose length runs past the datagram: the datagram's rest is dropped. */
  truncated: number;
  /** A message of a type the reader did not ask for. */
  unknownType: number;
  /** nfgenmsg family neither AF_INET nor AF_INET6. */
  badFamily: number;
  /** An attribute whose length is short or runs past its parent. */
  badAttribute: number;
  /** A tuple without addresses of the message's family or without a protocol. */
  badTuple: number;
}

export interface CtEventCounters extends CtDecodeCounters {
  events: number;
  /** Receives that failed with ENOBUFS: events were lost. */
  overruns: number;
}

export interface CtEventRead {
  events: CtEvent[];
  /** Events were lost since the previous read (ENOBUFS): resynchronise from a dump. */
  overrun: boolean;
}

/** A non-blocking subscription to conntrack events, for a poll loop. */
export interface CtEventSocket extends Pollable {
  /** Decodes what is queued, stopping once `max` events are read. Never throws. */
  read(max: number): CtEventRead;
  readonly counters: CtEventCounters;
  close(): void;
}

export interface CtSubscribeOptions {
  /** The event types to receive. */
  types: readonly CtEventType[];
  /** Receive buffer; bursts beyond it are lost and reported as an overrun. */
  rcvbufBytes: number;
}

/** A record the kernel refused: its index in the batch and the errno. */
export interface CtFailure {
  index: number;
  errno: number;
}

/**
 * A batch's outcome. Errnos worth knowing: EEXIST (create: already there, retry as update),
 * ENOENT (update/delete: not there; create: the master of a related session is not there),
 * EBUSY (status bits the kernel will not change), EINVAL (a record the driver or kernel cannot
 * read), EOPNOTSUPP (unknown helper), EPERM (timeout of an entry with a fixed timeout).
 */
export interface CtWriteResult {
  done: number;
  failures: CtFailure[];
}

/** The session table of the network namespace the table was opened in. */
export interface ConntrackTable {
  /**
   * Inserts sessions as they are (confirmed, replied and assured, so the kernel takes them and
   * keeps them under pressure), with NAT and a related session's master; a TCP record without
   * window tracking goes in with BE_LIBERAL. Many records a kernel exchange.
   */
  create(sessions: readonly CtSession[]): CtWriteResult;
  /** Changes timeout, status, TCP state and mark of existing sessions. */
  update(sessions: readonly CtSession[]): CtWriteResult;
  delete(keys: readonly CtKey[]): CtWriteResult;
  /**
   * Sets BE_LIBERAL both ways on these TCP sessions, and nothing else: the kernel stops checking
   * their segments against the sequence windows it tracked, which are stale once the stream went
   * through another box for a while. ENOENT for one that is not there; a session of another
   * protocol is left as it is.
   */
  relaxTcpWindows(keys: readonly CtKey[]): CtWriteResult;
  /**
   * Inserts expectations of sessions that are there, with their helper's name and class, flags,
   * expect function and NAT. The master (found by its original tuple) must be in the table,
   * else ENOENT, and must carry a helper (created with one, or given one by the ruleset), else
   * EOPNOTSUPP, as must the helper named (unknown: EOPNOTSUPP). A new expectation runs for its
   * helper's timeout (ftp: 300 s), whatever the record says; one with the same tuple already
   * there is left in place and given the record's timeout. A helper that allows one
   * expectation per master at a time (ftp) drops the master's older one. Many records a kernel
   * exchange.
   */
  createExpectations(expectations: readonly CtExpectation[]): CtWriteResult;
  /** Removes the expectations matching these tuples; ENOENT for one that is not there. */
  deleteExpectations(keys: readonly CtExpectationKey[]): CtWriteResult;
  /**
   * Streams the table in batches as the kernel hands them over (a few hundred entries each),
   * yielding to the event loop between batches. One dump at a time per table; breaking out
   * early is allowed. Entries changing during the dump may be seen in either state, or missed.
   */
  dump(family?: CtFamily): AsyncIterable<CtSession[]>;
  dumpExpectations(family?: CtFamily): AsyncIterable<CtExpectation[]>;
  /** Number of entries in the namespace, from the kernel's counter (no dump). */
  count(): number;
  /** Removes every session (and so every expectation) in the namespace. */
  flush(): void;
  /** Malformed messages skipped while dumping. */
  readonly counters: CtDecodeCounters;
  close(): void;
}

export interface ConntrackDevice {
  /** Opens the table of the calling thread's current network namespace. */
  open(): ConntrackTable;
  /** Subscribes in the calling thread's current network namespace. */
  subscribe(options: CtSubscribeOptions): CtEventSocket;
  /**
   * Turns the kernel's session start times on in the calling thread's current network namespace
   * (net.netfilter.nf_conntrack_timestamp=1; about 16 bytes an entry): entries made from then on
   * carry startWallMs. Throws HalError when the switch cannot be set (no such sysctl, no right).
   */
  enableTimestamps(): void;
  /**
   * Window checking off (`true`) or on for every TCP session at once, in the calling thread's
   * current network namespace (net.netfilter.nf_conntrack_tcp_be_liberal); a session's own
   * BE_LIBERAL (relaxTcpWindows) stays whatever this says. Throws HalError when the switch
   * cannot be set.
   */
  setTcpLiberal(on: boolean): void;
}
