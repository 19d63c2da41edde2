/**
 * Says why heartbeats were rejected without flooding the log: one line per (peer, reason) per
 * minute. Counting every frame is the decoder's job; this only tells the operator.
 */
import type { Logger } from '../log/logger.js';
import type { RejectReason } from './wire/decoder.js';

const QUIET_MS = 60_000;

const EXPLAIN: Partial<Record<RejectReason, string>> = {
  badAuth: 'authentication failed (the group password differs, or the frame was corrupted)',
  wrongGroup: 'it belongs to another group-id',
  badVersion: 'it speaks another major version of the HA protocol',
  looped: 'it carries our own serial (a loop in the heartbeat cabling?)',
  malformedBody: 'its body is malformed',
};

export class RejectLog {
  private readonly lastSaid = new Map<string, number>();

  constructor(private readonly log: Logger) {}

  note(reason: RejectReason, link: string, now: number, serial?: string, groupId?: number): void {
    const why = EXPLAIN[reason];
    if (!why) return;
    const key = `${serial ?? '?'}/${reason}`;
    const last = this.lastSaid.get(key);
    if (last !== undefined && now - last < QUIET_MS) return;
    this.lastSaid.set(key, now);
    const from = serial
      ? `${serial}${groupId !== undefined && reason === 'wrongGroup' ? ` (group-id ${groupId})` : ''}`
      : 'an unknown sender';
    this.log.event(`refused heartbeat from ${from} on ${link}: ${why}`, 'warn');
  }
}
