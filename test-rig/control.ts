/**
 * The supervisor's control socket (`/run/tandem-rig/<rig>/rig.sock`): newline-delimited JSON,
 * one request and one response per line, matched by id.
 *
 *   → {"id":1,"op":"status"}                          ← {"id":1,"ok":true,"result":<RigStatus>}
 *   → {"id":2,"op":"exec","board":"A","line":"get system ha status"}
 *                                                     ← {"id":2,"ok":true,"result":{"output":"..."}}
 *   → {"id":3,"op":"fault","kind":"cut","target":"ha1"}
 *                                                     ← {"id":3,"ok":true,"result":{"atMs":123.4,...}}
 *   → {"id":3,"op":"fault","kind":"loss","target":"A:port2","value":30}
 *   → {"id":6,"op":"traffic","action":"start","streams":4,"intervalMs":1}
 *                                                     ← {"id":6,"ok":true,"result":<TrafficReport>}
 *   → {"id":4,"op":"console","board":"A","replay":false}
 *                                                     ← {"id":4,"ok":true,"result":{...}} then raw bytes
 *   → {"id":5,"op":"down"}                            ← {"id":5,"ok":true,"result":{}} once all is gone
 *
 * After a console answer the connection carries the board's serial console both ways until
 * either side closes it. Errors: {"id":n,"ok":false,"error":"..."}.
 */
import { connect, type Socket } from 'node:net';
import { RigError } from './errors.js';
import { encodeLine, readLines } from './jsonl.js';
import { controlSocket } from './paths.js';
import type { RigStatus } from './status.js';
import type { Cable } from './topology.js';

export const FAULT_KINDS = [
  'kill',
  'freeze',
  'thaw',
  'restart',
  'term',
  'cut',
  'restore',
  'port-down',
  'port-up',
  'loss',
  'power-loss',
  'power-on',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults aimed at cables (`ha1`, `A:ha1`) rather than boards. */
export const LINK_FAULTS: readonly FaultKind[] = ['cut', 'restore', 'loss'];
/** Faults aimed at one board's port (`A:port2`). */
export const PORT_FAULTS: readonly FaultKind[] = ['port-down', 'port-up'];

export const TRAFFIC_ACTIONS = ['start', 'stop', 'report'] as const;
export type TrafficAction = (typeof TRAFFIC_ACTIONS)[number];

export type ControlRequest =
  | { id: number; op: 'status' }
  | { id: number; op: 'exec'; board: string; line: string; timeoutMs?: number }
  | { id: number; op: 'fault'; kind: FaultKind; target: string; value?: number }
  | { id: number; op: 'traffic'; action: TrafficAction; streams?: number; intervalMs?: number; streamPeriodMs?: number }
  | { id: number; op: 'console'; board: string; replay?: boolean }
  | { id: number; op: 'down' };

export type ControlResponse = { id: number | null; ok: true; result: unknown } | { id: number | null; ok: false; error: string };

export interface FaultResult {
  kind: FaultKind;
  target: string;
  /**
   * CLOCK_MONOTONIC ms of the fault: after a signal was sent; for a cable, as its rtnetlink
   * request started (the change takes effect during it, up to milliseconds later, faults.ts);
   * for loss, when nft was handed the rules, which act 1-2 ms later; for power-loss, when the
   * first cable went down.
   */
  atMs: number;
  /** The board's new pid after a restart. */
  pid?: number;
  /** The cables cut, restored, made lossy, or pulled by a power loss. */
  cables?: Cable[];
  /** loss: the percent of frames now dropped. */
  percent?: number;
  /**
   * power-loss: ms from the first cable going down (`atMs`) until the last was down and the
   * board killed; the whole cut lies in [atMs, atMs + spreadMs].
   */
  spreadMs?: number;
}

export interface ConsoleAttached {
  board: string;
  tty: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ControlBody = DistributiveOmit<ControlRequest, 'id'>;

export function isFaultKind(kind: string): kind is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(kind);
}

function notUp(rig: string, e: NodeJS.ErrnoException): RigError {
  if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED') {
    return new RigError(`rig "${rig}" is not up (no supervisor answers at ${controlSocket(rig)})`);
  }
  return new RigError(`rig "${rig}": ${e.message}`);
}

function openSocket(rig: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(controlSocket(rig));
    s.once('connect', () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', (e) => reject(notUp(rig, e)));
  });
}

/** One request on its own connection; rejects with the supervisor's error message. */
export async function controlCall<T>(rig: string, body: ControlBody, timeoutMs: number): Promise<T> {
  const s = await openSocket(rig);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      s.destroy();
      fn();
    };
    const timer = setTimeout(
      () => done(() => reject(new RigError(`rig "${rig}": no answer to ${body.op} in ${timeoutMs} ms`))),
      timeoutMs,
    );
    s.on('error', (e) => done(() => reject(notUp(rig, e))));
    s.on('close', () => done(() => reject(new RigError(`rig "${rig}": supervisor closed the connection during ${body.op}`))));
    readLines(s, (line) => {
      const r = JSON.parse(line) as ControlResponse;
      done(() => (r.ok ? resolve(r.result as T) : reject(new RigError(r.error))));
    });
    s.write(encodeLine({ id: 1, ...body }));
  });
}

export function controlStatus(rig: string, timeoutMs = 10_000): Promise<RigStatus> {
  return controlCall<RigStatus>(rig, { op: 'status' }, timeoutMs);
}

/**
 * Attaches to a board's serial console through the supervisor. The socket returned carries the
 * console's bytes both ways; nothing is read from it before the caller listens or pipes.
 */
export async function attachConsole(rig: string, board: string, replay = false): Promise<Socket> {
  const s = await openSocket(rig);
  return new Promise<Socket>((resolve, reject) => {
    let head = Buffer.alloc(0);
    const fail = (e: Error) => {
      s.destroy();
      reject(e);
    };
    const ended = () => fail(new RigError(`rig "${rig}": supervisor closed the connection during console`));
    // Read in paused mode, so the console bytes after the answer stay in the socket for the caller.
    const onReadable = () => {
      for (let chunk = s.read() as Buffer | null; chunk !== null; chunk = s.read() as Buffer | null) {
        head = Buffer.concat([head, chunk]);
        const nl = head.indexOf(0x0a);
        if (nl < 0) continue;
        s.off('readable', onReadable);
        s.off('error', fail);
        s.off('end', ended);
        const rest = head.subarray(nl + 1);
        if (rest.length > 0) s.unshift(rest);
        let r: ControlResponse;
        try {
          r = JSON.parse(head.subarray(0, nl).toString()) as ControlResponse;
        } catch {
          return fail(new RigError(`rig "${rig}": unreadable answer to console`));
        }
        if (r.ok) resolve(s);
        else fail(new RigError(r.error));
        return;
      }
    };
    s.on('readable', onReadable);
    s.on('error', fail);
    s.on('end', ended);
    s.write(encodeLine({ id: 1, op: 'console', board, replay }));
  });
}
