/**
 * What the console needs from the configuration: showing it, an editing session for
 * `config … / edit / set / unset / next / end / abort`, what `?` and Tab offer, and what a
 * console login checks. Implemented by firmware/config/.
 */
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
  /** One console line while in config mode. Never throws: errors come back as output. */
  handle(line: string): EditorReply;
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
   * section does not exist. Committing (`end`) validates the whole config, saves it atomically
   * and notifies `onChange` listeners; a rejected commit keeps the session open and says why.
   */
  beginEdit(words: readonly string[]): ConfigEditorSession | string;
  onChange(listener: () => void): void;
  /** `debugzone`: the sums cached when the config was last adopted; `checksum`: computed now. */
  checksums(): { debugzone: ConfigChecksums; checksum: ConfigChecksums };
  /** Computes the sums again and caches them as the new `debugzone`. */
  recalculate(): ConfigChecksums;
  bootSource(): BootSource;
}
