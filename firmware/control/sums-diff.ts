/** Which sections two units' checksums disagree on: one place for the wording every sync message uses. */
import type { WireChecksums } from './api.js';

/** Section names present in either set whose sums differ (a section only one side has counts), sorted. */
export function differingSections(a: WireChecksums, b: WireChecksums): string[] {
  const names = new Set([...Object.keys(a.sections), ...Object.keys(b.sections)]);
  return [...names].filter((n) => a.sections[n] !== b.sections[n]).sort();
}
