/** A Logger for tests that keeps each line as `<level> <message>`, operator events as `event <level> <message>`. */
import type { Logger } from './logger.js';

export function recordingLog(lines: string[]): Logger {
  const line = (level: string) => (m: string) => lines.push(`${level} ${m}`);
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    event: (m, level = 'info') => lines.push(`event ${level} ${m}`),
  };
}
