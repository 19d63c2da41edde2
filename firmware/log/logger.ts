/**
 * One logger per module, named by namespace. Lines go to a sink chosen by the composition root
 * (stderr in the rig, syslog on a board); `event` lines are also operator events, kept in the
 * persistent event log (`execute log display`).
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  level: Level;
  namespace: string;
  message: string;
  /** True for events worth an operator's attention (event log). */
  event: boolean;
  /** Monotonic ms when it happened, when the thread that logged it is not the one writing it. */
  atMs?: number;
}

export type LogSink = (record: LogRecord) => void;

let sink: LogSink = (r) => {
  process.stderr.write(`${r.level} ${r.namespace}: ${r.message}\n`);
};

export function setLogSink(next: LogSink): void {
  sink = next;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** An operator event: logged and kept in the event log. */
  event(message: string, level?: Level): void;
}

export function createLogger(namespace: string): Logger {
  const emit = (level: Level, message: string, event: boolean) => sink({ level, namespace, message, event });
  return {
    debug: (m) => emit('debug', m, false),
    info: (m) => emit('info', m, false),
    warn: (m) => emit('warn', m, false),
    error: (m) => emit('error', m, false),
    event: (m, level = 'info') => emit(level, m, true),
  };
}
