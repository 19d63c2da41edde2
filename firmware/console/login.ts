/**
 * Console login, FortiOS style: `<hostname> login:`, then `Password:` (not echoed); a wrong
 * name and a wrong password get the same "Login incorrect". An administrator whose password is
 * empty (the factory `admin`) must set one before going on, typed twice. After
 * `admin-lockout-threshold` failures in a row (FortiOS: 3) the login is locked for
 * `admin-lockout-duration` seconds (FortiOS: 60). Each failure, lockout and login is an event
 * in the log. One gate serves one console line.
 */
import type { Clock } from '../../hal/clock/index.js';
import { verifyAdminPassword } from '../config/admin-password.js';
import type { ConfigAccess } from '../config/api.js';
import { quote } from '../config/lexer.js';
import { systemAdmin } from '../config/schema-admin.js';
import { createLogger } from '../log/logger.js';
import { hostnameOf } from './processor.js';
import { printable } from './tokenize.js';

const log = createLogger('console.login');

export interface LoginStep {
  /** Text to print before the prompt; lines end with "\n". */
  output: string;
  prompt: string;
  /** How the answer is typed: shown, or hidden (a password). */
  input: 'text' | 'secret';
  /** Set on the step that lets the operator in: the administrator's name. */
  admin?: string;
}

export interface LoginOptions {
  config: ConfigAccess;
  clock: Clock;
  /** Where the login happens, for the log: "the serial console". */
  where: string;
}

type State =
  | { kind: 'name' }
  | { kind: 'password'; name: string }
  | { kind: 'new'; name: string }
  | { kind: 'confirm'; name: string; first: string };

export const FORCED_CHANGE = 'You are forced to change your password. Please input a new password.\n';

export class LoginGate {
  private state: State = { kind: 'name' };
  private failures = 0;
  private lockedUntilMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: LoginOptions) {}

  /** Back to the login name (at start, after a logout or a Ctrl-C). */
  begin(output = ''): LoginStep {
    this.state = { kind: 'name' };
    return { output, prompt: `${hostnameOf(this.opts.config)} login: `, input: 'text' };
  }

  /** The answer to the current prompt. Never rejects. */
  async enter(line: string): Promise<LoginStep> {
    try {
      return await this.step(line);
    } catch (err) {
      log.error(`login on ${this.opts.where} failed: ${err instanceof Error ? err.message : String(err)}`);
      return this.begin('Login unavailable: the configuration cannot be read.\n');
    }
  }

  private async step(line: string): Promise<LoginStep> {
    const state = this.state;
    switch (state.kind) {
      case 'name': {
        const name = line.trim();
        if (name === '') return this.begin();
        const lockedS = Math.ceil((this.lockedUntilMs - this.opts.clock.nowMs()) / 1000);
        if (lockedS > 0) return this.begin(`Login locked after too many failures; try again in ${lockedS} s.\n`);
        this.state = { kind: 'password', name };
        return { output: '', prompt: 'Password: ', input: 'secret' };
      }
      case 'password':
        return this.password(state.name, line);
      case 'new':
        if (line === '') return this.askNew(state.name, 'The new password may not be empty.\n');
        this.state = { kind: 'confirm', name: state.name, first: line };
        return { output: '', prompt: 'Confirm Password: ', input: 'secret' };
      case 'confirm':
        if (line !== state.first) return this.askNew(state.name, 'The passwords do not match.\n');
        return this.changePassword(state.name, line);
    }
  }

  private async password(name: string, password: string): Promise<LoginStep> {
    const settings = this.opts.config.login();
    const stored = settings.admins.get(name);
    // An unknown name costs the same hash as a known one: the time taken tells nothing.
    const ok = (await verifyAdminPassword(stored ?? UNKNOWN_ADMIN, password)) && stored !== undefined;
    if (!ok) {
      this.failures++;
      const who = printable(name);
      log.event(`login failed for ${who} on ${this.opts.where} (${this.failures} of ${settings.lockoutThreshold})`, 'warn');
      let output = 'Login incorrect\n';
      if (this.failures >= settings.lockoutThreshold) {
        this.failures = 0;
        this.lockedUntilMs = this.opts.clock.nowMs() + settings.lockoutDurationS * 1000;
        log.event(
          `login on ${this.opts.where} locked for ${settings.lockoutDurationS} s after ${settings.lockoutThreshold} failures`,
          'warn',
        );
        output += `Too many failures: login locked for ${settings.lockoutDurationS} s.\n`;
      }
      return this.begin(output);
    }
    this.failures = 0;
    if (stored === '') return this.askNew(name, FORCED_CHANGE);
    return this.welcome(name, '');
  }

  /** Saves the new password through the config editor: hashed, validated, committed like any change. */
  private async changePassword(name: string, password: string): Promise<LoginStep> {
    const edit = this.opts.config.beginEdit(systemAdmin.words);
    if (typeof edit === 'string') return this.welcome(name, `Password not saved: ${edit}`);
    for (const line of [`edit ${quote(name)}`, `set password ${quote(password)}`]) {
      const r = await edit.handle(line);
      if (r.output !== '') {
        await edit.handle('abort');
        return this.askNew(name, r.output);
      }
    }
    const saved = await edit.handle('end');
    if (saved.active) {
      await edit.handle('abort');
      // The operator proved who they are; a unit that cannot save must still be reachable.
      log.event(`password of ${printable(name)} not saved on ${this.opts.where}`, 'warn');
      return this.welcome(name, `Password not saved:\n${saved.output}`);
    }
    log.event(`password of ${printable(name)} changed on ${this.opts.where}`);
    return this.welcome(name, saved.output);
  }

  private askNew(name: string, output: string): LoginStep {
    this.state = { kind: 'new', name };
    return { output, prompt: 'New Password: ', input: 'secret' };
  }

  private welcome(name: string, output: string): LoginStep {
    this.state = { kind: 'name' };
    log.event(`${printable(name)} logged in on ${this.opts.where}`, 'info', {
      subtype: 'admin',
      fields: { action: 'login', user: printable(name), ui: this.opts.where },
    });
    return { output, prompt: '', input: 'text', admin: name };
  }
}

/** A well-formed hash no known password gives, checked for a name that is no administrator: it costs what a real one does. */
const UNKNOWN_ADMIN = 'TS1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
