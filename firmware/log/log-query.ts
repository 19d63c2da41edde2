/**
 * `execute log display` over the event log's lines: which lines a filter passes, newest first,
 * and the page of them `start-line` and `view-lines` pick. Pure: the lines come in as text.
 */
import { EVENT_LEVEL, parseEventLine, SEVERITIES } from './event-line.js';

export interface LogQuery {
  /** Field name → the values it may have (any of them); `msg` matches a substring, `level` that level or worse. */
  fields: ReadonlyMap<string, readonly string[]>;
  /** 1-based, counted from the newest line that matches. */
  startLine: number;
  viewLines: number;
}

export interface LogPage {
  found: number;
  /** Numbered from `startLine`, newest first. */
  lines: { n: number; text: string }[];
}

/** The level names the event log writes, for help and checks. */
export const LOG_LEVELS: readonly string[] = SEVERITIES.filter((s) => Object.values(EVENT_LEVEL).includes(s));

/** Most severe first: `level warning` also passes errors. */
const severity = (level: string): number => (SEVERITIES as readonly string[]).indexOf(level);

function fieldMatches(name: string, wanted: readonly string[], line: string, fields: Map<string, string>): boolean {
  if (name === 'msg') {
    const msg = fields.get('msg') ?? line;
    return wanted.some((w) => msg.includes(w));
  }
  const have = fields.get(name);
  if (have === undefined) return false;
  if (name === 'level') return wanted.some((w) => severity(have) >= 0 && severity(have) <= severity(w));
  return wanted.includes(have);
}

export function matchesQuery(line: string, query: Pick<LogQuery, 'fields'>): boolean {
  const fields = parseEventLine(line);
  for (const [name, wanted] of query.fields) if (!fieldMatches(name, wanted, line, fields)) return false;
  return true;
}

/** `linesOldestFirst` as the event log keeps them. */
export function queryLog(linesOldestFirst: readonly string[], query: LogQuery): LogPage {
  const matched = linesOldestFirst.filter((l) => matchesQuery(l, query)).reverse();
  const page = matched.slice(query.startLine - 1, query.startLine - 1 + query.viewLines);
  return { found: matched.length, lines: page.map((text, i) => ({ n: query.startLine + i, text })) };
}

/** FortiOS's answer to `execute log display`. */
export function renderLogPage(page: LogPage): string {
  const body = page.lines.map((l) => `${l.n}: ${l.text}\n`).join('');
  return `${page.found} logs found.\n${page.lines.length} logs returned.\n${body}`;
}
