/**
 * Client of a board's console socket (firmware/console/socket-protocol.ts). One connection is
 * one console session; requests are answered in order and matched by id. A board that is
 * frozen or gone makes requests time out or fail; nothing here throws past a rejected promise.
 */
import { connect, type Socket } from 'node:net';
import type { ConsoleResponse } from '../firmware/console/socket-protocol.js';
import type { HaSnapshot } from '../firmware/ha/snapshot.js';
import { RigError } from './errors.js';
import { encodeLine, readLines } from './jsonl.js';

type Body = { line: string } | { query: 'status' };

interface Pending {
  resolve(r: ConsoleResponse): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

export class ConsoleClient {
  private socket: Socket | null = null;
  private connecting: Promise<Socket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `label` names the board in error messages. */
  constructor(
    readonly socketPath: string,
    readonly label: string,
  ) {}

  private open(): Promise<Socket> {
    if (this.socket) return Promise.resolve(this.socket);
    if (this.connecting) return this.connecting;
    this.connecting = new Promise<Socket>((resolve, reject) => {
      const s = connect(this.socketPath);
      s.once('connect', () => {
        this.socket = s;
        this.connecting = null;
        resolve(s);
      });
      s.on('error', (e: NodeJS.ErrnoException) => {
        if (this.connecting) {
          this.connecting = null;
          const why = e.code === 'ENOENT' || e.code === 'ECONNREFUSED' ? 'console socket not ready' : e.message;
          reject(new RigError(`${this.label}: ${why} (${this.socketPath})`));
        }
      });
      s.on('close', () => this.dropped(s));
      readLines(s, (line) => this.received(line));
    });
    return this.connecting;
  }

  private dropped(s: Socket): void {
    if (this.socket !== s) return;
    this.socket = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new RigError(`${this.label}: console connection closed`));
      this.pending.delete(id);
    }
  }

  private received(line: string): void {
    let msg: ConsoleResponse;
    try {
      msg = JSON.parse(line) as ConsoleResponse;
    } catch {
      return;
    }
    if (msg.id === null) return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    p.resolve(msg);
  }

  async request(body: Body, timeoutMs: number): Promise<ConsoleResponse> {
    const s = await this.open();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RigError(`${this.label}: no answer from the console in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      s.write(encodeLine({ id, ...body }));
    });
  }

  async status(timeoutMs: number): Promise<HaSnapshot> {
    const r = await this.request({ query: 'status' }, timeoutMs);
    if ('status' in r) return r.status;
    throw new RigError(`${this.label}: status query failed: ${'error' in r ? r.error : 'unexpected answer'}`);
  }

  async command(line: string, timeoutMs: number): Promise<{ output: string; prompt: string }> {
    const r = await this.request({ line }, timeoutMs);
    if ('output' in r) return { output: r.output, prompt: r.prompt };
    throw new RigError(`${this.label}: "${line}" failed: ${'error' in r ? r.error : 'unexpected answer'}`);
  }

  close(): void {
    this.socket?.destroy();
    this.connecting = null;
  }
}

/**
 * Runs console text (one command per line) in a fresh session, so a `config ...` block typed
 * across lines keeps its edit context, and returns the outputs joined.
 */
export async function consoleExec(socketPath: string, label: string, text: string, timeoutMs: number): Promise<string> {
  const client = new ConsoleClient(socketPath, label);
  try {
    const outputs: string[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      outputs.push((await client.command(line, timeoutMs)).output);
    }
    if (outputs.length === 1) return outputs[0] ?? '';
    return outputs.map((o) => (o === '' || o.endsWith('\n') ? o : `${o}\n`)).join('');
  } finally {
    client.close();
  }
}
