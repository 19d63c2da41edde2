/**
 * What the console needs from the configuration: showing it, and an editing session for
 * `config … / edit / set / unset / next / end / abort`. Implemented by firmware/config/.
 */
import type { HaSettings } from './ha-settings.js';

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
}

export interface ConfigAccess {
  hostname(): string;
  haSettings(): HaSettings;
  /** `show` / `show full-configuration` [section words...]; error text for an unknown section. */
  show(words: readonly string[], full: boolean): string;
  /**
   * Opens an editing session for `config <words...>`. Returns an error line (string) when the
   * section does not exist. Committing (`end`) validates the whole config, saves it atomically
   * and notifies `onChange` listeners; a rejected commit keeps the session open and says why.
   */
  beginEdit(words: readonly string[]): ConfigEditorSession | string;
  onChange(listener: () => void): void;
}
