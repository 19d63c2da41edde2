/**
 * The supervisor's handle on one traffic agent: `ip netns exec <ns> node <agent> <args>`,
 * which execs node in place (the pid is the agent's). Commands go down stdin, answers come up
 * stdout in order; stderr goes to the supervisor's log. An agent exits when its stdin closes,
 * so it does not outlive a supervisor that dies.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RigError } from '../errors.js';
import { readLines } from '../jsonl.js';
import { signalQuietly } from '../processes.js';
import type { AgentCommand } from './protocol.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The agents are short of garbage, and a collection must not stall the prober's loop on helper threads. */
const NODE_FLAGS = ['--single-threaded-gc', '--enable-source-maps'];

interface Waiter {
  resolve(value: unknown): void;
  reject(e: Error): void;
}

export class AgentProcess {
  private readonly child: ChildProcess;
  private readonly waiters: Waiter[] = [];
  private exitText: string | null = null;
  private readonly exited: Promise<void>;
  private readonly readyPromise: Promise<void>;

  /** Starts `script` (a file next to this one) in namespace `ns`. */
  constructor(
    readonly name: string,
    ns: string,
    script: string,
    args: object,
  ) {
    this.child = spawn('ip', ['netns', 'exec', ns, process.execPath, ...NODE_FLAGS, join(HERE, script), JSON.stringify(args)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child.stdin?.on('error', () => {});
    let ready: Waiter | null = null;
    this.readyPromise = new Promise<void>((resolve, reject) => {
      ready = { resolve: () => resolve(), reject };
    });
    this.readyPromise.catch(() => {});
    this.exited = new Promise((resolve) => {
      const done = (text: string) => {
        if (this.exitText !== null) return;
        this.exitText = text;
        const e = new RigError(`${this.name} exited (${text}); its errors are in the supervisor's log`);
        ready?.reject(e);
        for (const w of this.waiters.splice(0)) w.reject(e);
        resolve();
      };
      this.child.on('exit', (code, signal) => done(signal ? `killed by ${signal}` : `code ${code}`));
      this.child.on('error', (e) => done(e.message));
    });
    if (this.child.stdout) {
      readLines(this.child.stdout, (line) => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          return;
        }
        if (ready) {
          ready.resolve(undefined);
          ready = null;
          return;
        }
        this.waiters.shift()?.resolve(value);
      });
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitText === null;
  }

  async waitReady(timeoutMs: number): Promise<void> {
    await this.within(this.readyPromise, timeoutMs, 'to start');
  }

  /** Sends a command; resolves to the agent's answer. An agent that does not answer in time is killed. */
  request<T>(command: AgentCommand, timeoutMs: number): Promise<T> {
    if (this.exitText !== null) {
      return Promise.reject(new RigError(`${this.name} exited (${this.exitText}); its errors are in the supervisor's log`));
    }
    const answer = new Promise<T>((resolve, reject) => {
      this.waiters.push({ resolve: resolve as (v: unknown) => void, reject });
    });
    this.child.stdin?.write(`${command}\n`);
    return this.within(answer, timeoutMs, `to answer ${command}`);
  }

  /** SIGKILL (if still running) and wait for the exit. */
  async kill(): Promise<void> {
    if (this.exitText === null && this.child.pid !== undefined) signalQuietly(this.child.pid, 'SIGKILL');
    await this.exited;
  }

  /** Waits for the exit the agent makes by itself after `stop`; kills it after `timeoutMs`. */
  async waitExit(timeoutMs: number): Promise<void> {
    const timer = setTimeout(() => void this.kill(), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  private async within<T>(p: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void this.kill();
        reject(new RigError(`${this.name} did not manage ${what} in ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([p, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
