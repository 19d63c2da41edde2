/**
 * The command processor shared by the serial console and the local console socket. Each
 * session is one operator: normal mode dispatches commands, config mode (entered by
 * `config …`) hands every line to the configuration's editor until it reports it is done.
 * In both modes a line ending in `?` lists what may follow, `?` and Tab ask the same of a
 * partly typed line, and `| grep …` filters a command's output.
 * A session runs its lines one after another, so a line sent while a slow command (a walk of
 * the session table) runs waits for it, and replies come back in order.
 */

import type { ImageControl } from '../boot/images.js';
import type { ConfigAccess, ConfigEditorSession } from '../config/api.js';
import type { Choice } from '../config/choice.js';
import { commandFail, RETURN_CODE } from '../config/command-fail.js';
import type { RemoteSession } from '../control/remote-console.js';
import { createLogger } from '../log/logger.js';
import type { CommandNode, CommandResult, ConsoleState } from './command-tree.js';
import { dispatch, treeChoices } from './command-tree.js';
import type { ControlDiag } from './commands/ha-control-diag.js';
import type { EventLogSource } from './commands/log.js';
import { buildCommandTree } from './commands/tree.js';
import { type Completion, completeFor, helpFor } from './completion.js';
import { endLine } from './format.js';
import { applyGrep, grepChoices, parseGrep } from './grep.js';
import type { ConfigSyncControl, DiagControl, HaControl, PortStatsSource, RemoteConsoleControl } from './ha-control.js';
import { LogFilter } from './log-filter.js';
import { SessionFilter } from './session-filter.js';
import type { SessionsControl } from './sessions-control.js';
import { printable, splitPipe, tokenize } from './tokenize.js';

const log = createLogger('console');

export interface ProcessorOptions {
  config: ConfigAccess;
  ha: HaControl;
  diag: DiagControl;
  /** "major.minor.patch", shown by `get system status`. */
  firmwareVersion: string;
  /** Why the previous run ended (firmware/watchdog/run-record.ts), for `get system status`. */
  lastReboot?: string;
  /** Remote link monitoring for `diagnose sys ha port-stats`; without it only the monitored ports show. */
  portStats?: PortStatsSource;
  /** The session table and session sync; without it the session commands say they are unavailable. */
  sessions?: SessionsControl;
  /** The persistent event log; without it `execute log display` says it is unavailable. */
  eventLog?: EventLogSource;
  /** The control link for `diagnose sys ha control`; without it the command says it is unavailable. */
  control?: ControlDiag;
  /** Config sync for the Configuration Status, `checksum cluster` and `execute ha synchronize`. */
  configSync?: ConfigSyncControl;
  /** `execute ha manage`; without it the command says the unit is not in a cluster. */
  remoteConsoles?: RemoteConsoleControl;
  /** The A/B slots; without them the image commands say the unit has none. */
  images?: ImageControl;
}

export interface ConsoleReply {
  /** Text to print; every line ends with "\n" (empty when there is nothing to say). */
  output: string;
  /** The prompt to show next: "<hostname> # " or "<hostname> (<context>) # ". */
  prompt: string;
  /** The operator typed `exit`: the session is over. */
  exit?: boolean;
  /** The next line is a password (another unit's login through `execute ha manage`): not echoed. */
  secret?: boolean;
}

export interface ConsoleSession {
  /** Runs one line after the lines before it. Never rejects: failures come back as output. */
  execute(line: string): Promise<ConsoleReply>;
  /** The prompt to show now (before the first line, after Ctrl-C). */
  prompt(): string;
  /** `?` typed after `before` (the line up to the cursor): the listing; null where `?` is a literal character. */
  help(before: string): string | null;
  /** Tab typed after `before`: what to insert, and the candidates. */
  complete(before: string): Completion;
}

export class CommandProcessor {
  private readonly root: CommandNode;

  constructor(private readonly options: ProcessorOptions) {
    this.root = buildCommandTree(options);
  }

  openSession(): ConsoleSession {
    return new Session(this.root, this.options);
  }
}

class Session implements ConsoleSession {
  private editor: ConfigEditorSession | null = null;
  private context = '';
  private readonly state: ConsoleState = { sessionFilter: new SessionFilter(), logFilter: new LogFilter() };
  /** The reply to the latest line; the next line runs once it is settled. */
  private last: Promise<unknown> = Promise.resolve();
  /** A command waiting for its `y` (CommandResult.confirm). */
  private confirming: NonNullable<CommandResult['confirm']> | null = null;
  /** Another unit's console (`execute ha manage`) while it lasts, with its latest prompt. */
  private remote: { session: RemoteSession; prompt: string } | null = null;

  constructor(
    private readonly root: CommandNode,
    private readonly options: ProcessorOptions,
  ) {}

  execute(line: string): Promise<ConsoleReply> {
    const reply = this.last.then(() => this.runLine(line));
    this.last = reply;
    return reply;
  }

  private async runLine(line: string): Promise<ConsoleReply> {
    if (this.remote) return this.runRemote(this.remote, line);
    const confirming = this.confirming;
    this.confirming = null;
    let result: CommandResult;
    try {
      if (confirming) result = line.trim().toLowerCase() === 'y' ? await confirming.onYes() : { output: '' };
      else result = await this.run(line);
    } catch (err) {
      // A command that throws is a bug elsewhere; the operator sees it and keeps the console.
      const message = err instanceof Error ? err.message : String(err);
      log.error(`command '${printable(line, 80)}' failed: ${message}`);
      result = { output: commandFail(RETURN_CODE.failed, `Command fail: ${printable(message, 200)}`) };
    }
    if (result.remote) {
      const { opening } = result.remote;
      this.remote = { session: result.remote, prompt: opening.prompt };
      return { output: result.output, prompt: opening.prompt, ...(opening.secret ? { secret: true } : {}) };
    }
    if (result.confirm) {
      this.confirming = result.confirm;
      return { output: result.output, prompt: result.confirm.question };
    }
    return { output: result.output, prompt: this.prompt(), ...(result.exit ? { exit: true } : {}) };
  }

  /** A line for the other unit; its `exit` (or its loss) brings this unit's prompt back. */
  private async runRemote(remote: { session: RemoteSession; prompt: string }, line: string): Promise<ConsoleReply> {
    const r = await remote.session.send(line);
    if (r.exit) {
      this.remote = null;
      return { output: r.output, prompt: this.prompt() };
    }
    remote.prompt = r.prompt;
    return { output: r.output, prompt: r.prompt, ...(r.secret ? { secret: true } : {}) };
  }

  prompt(): string {
    if (this.remote) return this.remote.prompt;
    if (this.confirming) return this.confirming.question;
    const host = hostnameOf(this.options.config);
    return this.editor ? `${host} (${this.context}) # ` : `${host} # `;
  }

  /** On another unit's console `?` goes over with the line: the listing comes from there. */
  help(before: string): string | null {
    if (this.remote) return null;
    return helpFor(before, (words) => this.choices(words));
  }

  complete(before: string): Completion {
    if (this.remote) return { insert: '', listing: '' };
    return completeFor(before, (words) => this.choices(words));
  }

  /** What may follow the whole words of a line, where the session stands. */
  private choices(words: readonly string[]): Choice[] {
    const pipe = words.indexOf('|');
    if (pipe >= 0) return grepChoices(words.slice(pipe + 1));
    return this.editor ? this.editor.choices(words) : treeChoices(this.root, words);
  }

  private async run(line: string): Promise<CommandResult> {
    if (line.trim() === '') return { output: '' };
    const trimmed = line.trimEnd();
    if (trimmed.endsWith('?')) {
      const listing = this.help(trimmed.slice(0, -1));
      if (listing !== null) return { output: listing };
    }
    const { command, filter } = splitPipe(line);
    const grep = filter === undefined ? undefined : parseGrep(filter);
    if (typeof grep === 'string') return { output: grep };
    const result = await this.runCommand(command);
    return grep ? { ...result, output: applyGrep(result.output, grep) } : result;
  }

  private async runCommand(line: string): Promise<CommandResult> {
    if (this.editor) return { output: await this.edit(this.editor, line) };
    const tokens = tokenize(line);
    if (!tokens.ok) return { output: commandFail(RETURN_CODE.parse, `command parse error: ${tokens.error}`) };
    if (tokens.words.length === 0) return { output: '' };
    const result = await dispatch(this.root, tokens.words, this.state);
    if (result.edit) {
      this.editor = result.edit.session;
      this.context = result.edit.context;
    }
    return { output: endLine(result.output), exit: result.exit, remote: result.remote, confirm: result.confirm };
  }

  /** One line for the config editor; an `end` may wait for the cluster (the commit gate) before it answers. */
  private async edit(editor: ConfigEditorSession, line: string): Promise<string> {
    const reply = await editor.handle(line);
    if (reply.active) this.context = reply.context;
    else {
      this.editor = null;
      this.context = '';
    }
    return endLine(reply.output);
  }
}

/** The unit's hostname for a prompt; "Tandem" while the configuration cannot tell. */
export function hostnameOf(config: ConfigAccess): string {
  try {
    const name = config.hostname();
    if (name) return printable(name);
  } catch (err) {
    log.warn(`hostname unavailable: ${err instanceof Error ? err.message : String(err)}`);
  }
  return 'Tandem';
}
