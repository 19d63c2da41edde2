/**
 * The control channel's contract (docs/config-sync-plan.md §2, §9): reliable, authenticated and
 * always encrypted messages between the units of a cluster, carried on the heartbeat ports
 * (Ethertype 0x8893, or UDP 703 with `unicast-hb`). Config sync, key changes and remote consoles
 * speak through it; each producer of a message kind owns its fields here.
 */
import type { ConfigChecksums } from '../config/checksum.js';
import type { KeyRingSpec, KeySpec } from '../ha/wire/key-ring.js';

/** One config section as its text (`config firewall policy … end`), keyed by its checksum name (`firewall.policy`). */
export type SectionText = readonly [key: string, text: string];

/** A unit's sums as a peer sees them: only the group sums and the per-section sums. */
export type WireChecksums = ConfigChecksums;

/** At stream start and every 60 s: what the sender's config is. */
export interface HelloMessage {
  k: 'hello';
  sums: WireChecksums;
  syncConfig: boolean;
  isPrimary: boolean;
}

/** Primary → member: sections to adopt; `full` carries every shared section. */
export interface PushMessage {
  k: 'push';
  /** The primary's config version: one more per commit it pushes. */
  v: number;
  /** The sender's `all` sum before this change (an incremental push applies only on that base). */
  base: string;
  full: boolean;
  /** Why: `commit on <serial>`, `joined with a different configuration (…)`, `execute ha synchronize start`. */
  reason: string;
  sections: SectionText[];
  /** The sender's sums after the change. */
  sums: WireChecksums;
}

/** Member → primary: what became of a push. */
export interface ResultMessage {
  k: 'result';
  v: number;
  ok: boolean;
  reason?: string;
  sums: WireChecksums;
  applyMs: number;
}

/** Member → primary: a change committed on a secondary's console, for the primary to commit. */
export interface CommitMessage {
  k: 'commit';
  id: number;
  sections: SectionText[];
  /** Each section's sum the draft started from: the primary refuses a section changed meanwhile. */
  base: Record<string, string>;
  /** The HA key the change brings (password as `ENC …`, key-messages.ts): the primary runs the key change first. */
  keys?: KeySpec;
}

export interface CommitResultMessage {
  k: 'commit-result';
  id: number;
  ok: boolean;
  reason?: string;
  /** The version of the push that carries the change. */
  v: number;
}

/** Member → primary: send me everything (a base mismatch, `execute ha synchronize start` on a secondary). */
export interface SyncRequestMessage {
  k: 'sync-req';
  reason: string;
}

export interface SumsRequestMessage {
  k: 'sums-req';
  id: number;
}

export interface SumsMessage {
  k: 'sums';
  id: number;
  debugzone: WireChecksums;
  checksum: WireChecksums;
}

/** Primary → member: install `next` beside the current key (accept both), answer ready or refused. */
export interface KeyPrepareMessage {
  k: 'key-prepare';
  id: number;
  next: KeySpec;
}

/** `key-ready`, `key-refused` (with `reason`), `key-switch` (seal with `next` now), `key-abort` (drop `next`). */
export interface KeyStepMessage {
  k: 'key-ready' | 'key-refused' | 'key-switch' | 'key-abort';
  id: number;
  reason?: string;
}

/** Manager → target: open a console session for `admin` (`execute ha manage`). */
export interface ConsoleOpenMessage {
  k: 'con-open';
  sid: number;
  admin: string;
}

export interface ConsoleInMessage {
  k: 'con-in';
  sid: number;
  line: string;
}

/** Target → manager: what the line printed, the prompt now, whether input is hidden (a password), and the session's end. */
export interface ConsoleOutMessage {
  k: 'con-out';
  sid: number;
  output: string;
  prompt: string;
  input: 'line' | 'secret';
  exit?: boolean;
}

export interface ConsoleCloseMessage {
  k: 'con-close';
  sid: number;
}

/** Primary → member (a rolling upgrade, firmware/upgrade/): the image that follows in `img-chunk`s; install it and restart into it. */
export interface ImageOfferMessage {
  k: 'img-offer';
  id: number;
  version: string;
  size: number;
  /** SHA-256 of the whole archive, hex: what arrived is what was sent. */
  sha256: string;
  /** The archive's `.sig` text: the member verifies it with its own release key. */
  sig: string;
}

export interface ImageChunkMessage {
  k: 'img-chunk';
  id: number;
  /** Offset of `data` in the archive. */
  at: number;
  data: Uint8Array;
}

/**
 * Member → primary: `receiving` (`got` bytes so far: the sender's window), `installed` (it
 * restarts now), `refused` (`reason`; nothing changed), `confirmed` (after the restart, the new
 * image passed its trial: `version` runs for good).
 */
export interface ImageStateMessage {
  k: 'img-state';
  id: number;
  state: 'receiving' | 'installed' | 'refused' | 'confirmed';
  got: number;
  version: string;
  reason?: string;
}

export type ControlMessage =
  | HelloMessage
  | PushMessage
  | ResultMessage
  | CommitMessage
  | CommitResultMessage
  | SyncRequestMessage
  | SumsRequestMessage
  | SumsMessage
  | KeyPrepareMessage
  | KeyStepMessage
  | ConsoleOpenMessage
  | ConsoleInMessage
  | ConsoleOutMessage
  | ConsoleCloseMessage
  | ImageOfferMessage
  | ImageChunkMessage
  | ImageStateMessage;

export type ControlKind = ControlMessage['k'];

/** Per peer, for `diagnose sys ha status`. */
export interface ControlPeerStatus {
  serial: string;
  /** Messages sent and received, and frames retransmitted, since the stream started. */
  sent: number;
  received: number;
  retransmits: number;
  /** Streams restarted toward this peer (a give-up, a new epoch from it). */
  resets: number;
  /** Messages not yet acknowledged. */
  pending: number;
}

export interface ControlLinkStatus {
  peers: ControlPeerStatus[];
  /** Frames dropped by the ladder, by reason (bad auth, malformed, not for us, …). */
  rejected: Record<string, number>;
  /** The ports frames go out on now, or `udp` for the relay, or none. */
  ports: readonly string[];
}

/**
 * A reliable, ordered message stream to each peer of the current HA snapshot. `send` queues
 * (false: no stream to that peer now, or its queue is full); delivery is in order per peer.
 * `onPeerReset` fires when a stream to a peer gave up or restarted (the peer rebooted, left the
 * snapshot, or stopped acknowledging): messages in flight may be lost, so upper layers compare
 * state again.
 */
export interface ControlLink {
  send(to: string, message: ControlMessage): boolean;
  on<K extends ControlKind>(kind: K, handler: (from: string, message: Extract<ControlMessage, { k: K }>) => void): void;
  onPeerReset(handler: (serial: string, why: string) => void): void;
  /** Serials of the peers a stream runs to now. */
  peers(): readonly string[];
  setKeys(ring: KeyRingSpec): void;
  status(): ControlLinkStatus;
}
