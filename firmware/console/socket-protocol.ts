/**
 * The local console socket (`<runDir>/console.sock`): newline-delimited JSON, one object per
 * line both ways. Each connection is its own console session (its own config-edit context).
 *
 *   → {"id":1,"line":"get system ha status"}   ← {"id":1,"output":"...","prompt":"FGT-A #"}
 *   → {"id":2,"query":"status"}                ← {"id":2,"status":<HaSnapshot>}
 *
 * A request that cannot be parsed gets {"id":null,"error":"..."}; the connection stays open.
 */
import type { HaSnapshot } from '../ha/snapshot.js';

export const CONSOLE_SOCKET_NAME = 'console.sock';

export type ConsoleRequest = { id: number; line: string } | { id: number; query: 'status' };

export type ConsoleResponse =
  | { id: number; output: string; prompt: string }
  | { id: number; status: HaSnapshot }
  | { id: number | null; error: string };
