/**
 * What the console needs from the configuration: showing it, an editing session for
 * `config … / edit / set / unset / next / end / abort`, what `?` and Tab offer, and what a
 * console login checks. Implemented by firmware/config/.
 */
import type { SectionText } from '../control/api.js';
import type { KeySpec } from '../ha/wire/key-ring.js';
import type { ConfigChecksums } from './checksum.js';
import type { Choice } from './choice.js';
import type { HaSettings } from './ha-settings.js';
import type { LoginSettings } from './login-settings.js';

export type { ConfigChecksums } from './checksum.js';
export type { Choice } from './choice.js';
export type { LoginSettings } from './login-settings.js';

export interface EditorReply {
  /** Text to print (may be empty; lines end with "\n"). */
  output: string;
  /** Prompt context while still editing, e.g. "ha" or "port1"; shown as "<host> (ha) #". */
  context: string;
  /** False once `end`/`abort` left config mode at the top level. */
  active: boolean;
}

export interface ConfigEditorSession {
  /**
   * One console line while in config mode. Never throws nor rejects: errors come back as
   * output. A reply is a promise only for the `end` that commits while a commit gate is set
   * (the cluster decides); every other line, and every line without a gate, answers at once.
   */
  handle(line: string): EditorReply | Promise<EditorReply>;
  /**
   * What may follow `words` (the whole words typed so far on the line) where the session is:
   * the verbs, then option names, values, entry names. Empty when nothing can follow.
   */
  choices(words: readonly string[]): Choice[];
}

/** Where the running config came from at boot. */
export interface BootSource {
  /** `last-good`: the file was unusable and the last good copy replaced it. */
  kind: 'file' | 'last-good' | 'defaults';
  /** Set with `last-good`: what was wrong and what was done, for the event log and `get system status`. */
  alarm?: string;
}

/** A top-level section, as `config ?` lists it. */
export interface SectionInfo {
  words: readonly string[];
  help: string;
}

export interface ConfigAccess {
  hostname(): string;
  haSettings(): HaSettings;
  /** The sections `config` and `show` take, in `show` order. */
  sections(): readonly SectionInfo[];
  /** Administrators and the lockout rules, for a console login. */
  login(): LoginSettings;
  /** `show` / `show full-configuration` [section words...]; error text for an unknown section. */
  show(words: readonly string[], full: boolean): string;
  /**
   * Opens an editing session for `config <words...>`. Returns an error line (string) when the
   * section does not exist. Committing (`end`) validates the whole config, passes the commit
   * gate when one is set, saves it atomically and notifies the listeners; a rejected commit
   * keeps the session open and says why.
   */
  beginEdit(words: readonly string[]): ConfigEditorSession | string;
  /** Called after every change that was saved, whatever its origin (`onConfigChange` says which). */
  onChange(listener: () => void): void;
  /** `debugzone`: the sums cached when the config was last adopted; `checksum`: computed now. */
  checksums(): { debugzone: ConfigChecksums; checksum: ConfigChecksums };
  /** Computes the sums again and caches them as the new `debugzone`. */
  recalculate(): ConfigChecksums;
  bootSource(): BootSource;
}

/** A config section as text, keyed by its checksum name (`firewall.policy`); the control channel carries these. */
export type { SectionText } from '../control/api.js';

/** What changed, for `onConfigChange` listeners: the sections, and whether the change came from this console, a peer's push or a boot fallback. */
export interface ConfigChange {
  /** Checksum names of the sections whose shared or per-unit values changed. */
  sections: readonly string[];
  origin: 'console' | 'peer' | 'fallback';
  /** The peer's serial, with `peer`. */
  from?: string;
  /** A full sync, with `peer`. */
  full?: boolean;
}

/**
 * How a console commit ends: `local` saves it here as usual (this unit is primary or alone, or the
 * change is per-unit only); `done` means the primary committed it and its push is applied here
 * already (the output is for the console); `refused` saves nothing and says why.
 */
export type CommitVerdict = { kind: 'local' } | { kind: 'done'; output: string } | { kind: 'refused'; reason: string };

export interface CommitProposal {
  /** The shared sections the draft changes, as the candidate tree prints them (shared values only). */
  sections: SectionText[];
  /** Each changed section's sum before the edit (the base the draft started from). */
  base: Record<string, string>;
  /** Whether a key field changed (password, encryption, group-id, group-name). */
  keysChanged: boolean;
  /** The HA key the candidate names, with keysChanged. */
  nextKeys?: KeySpec;
  /** Whether the draft changed per-unit values only. */
  perUnitOnly: boolean;
}

export type CommitGate = (proposal: CommitProposal) => Promise<CommitVerdict>;

/** The outcome of `applyFromPeer` / `commitShared`. */
export type SharedApplyResult = { ok: true; changed: string[]; backup?: string } | { ok: false; reason: string };

/** What config sync needs of the store, beside ConfigAccess (docs/config-sync-plan.md §3, §5). */
export interface SyncedConfigStore {
  /** Shared sections as text (shared values only, per-unit left out), all of them or those named. */
  sharedText(keys?: readonly string[]): SectionText[];
  checksums(): { debugzone: ConfigChecksums; checksum: ConfigChecksums };
  /** The sums of the config adopted last, cached at adoption: what config sync compares, without printing the config again. */
  adoptedSums(): ConfigChecksums;
  /**
   * A push from the primary: parse the sections, keep this unit's per-unit values, validate the
   * whole tree, save (a full push that changes the shared config first keeps the file as a
   * `.diverged-…` backup), adopt, tell listeners (origin `peer`). Refused: nothing changes.
   */
  applyFromPeer(sections: readonly SectionText[], opts: { full: boolean; from: string; reason: string }): SharedApplyResult;
  /** On the primary: a secondary's commit, merged with this unit's per-unit values, validated, saved, listeners told. */
  commitShared(sections: readonly SectionText[], from: string): SharedApplyResult;
  /** Console commits pass through the gate before they are saved; null: always local. */
  setCommitGate(gate: CommitGate | null): void;
  onConfigChange(listener: (change: ConfigChange) => void): void;
}
