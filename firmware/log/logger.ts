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
  /** The event's kind for filters and syslog (`ha`, `config`, `system`…); the namespace when absent. */
  subtype?: string;
  /** Structured facts about the event (`from`, `to`, `reason`…), kept as key=value in the event log. */
  fields?: EventFields;
}

export type EventFields = Readonly<Record<string, string | number>>;

/** What an operator event may say beyond its message. */
export interface EventInfo {
  subtype?: string;
  fields?: EventFields;
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
  event(message: string, level?: Level, info?: EventInfo): void;
}

export function createLogger(namespace: string): Logger {
  const emit = (level: Level, message: string, event: boolean, info?: EventInfo) =>
    sink({ level, namespace, message, event, ...info });
  return {
    debug: (m) => emit('debug', m, false),
    info: (m) => emit('info', m, false),
    warn: (m) => emit('warn', m, false),
    error: (m) => emit('error', m, false),
    event: (m, level = 'info', info) => emit(level, m, true, info),
  };
}
