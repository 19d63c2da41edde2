/**
 * FGCP primary election (REFERENCE.md, Cluster): first difference wins.
 *   override disabled: failover flag > connected monitored ports > sessions > age (with margin) > priority > serial
 *   override enabled:  failover flag > connected monitored ports > sessions > priority > age (with margin) > serial
 * A unit with `execute ha failover set` loses to every unit without it.
 *
 * `sessions` is Tandem's (FGCP has no such rule): a unit whose session table is in sync beats
 * one still receiving its resync. So a unit that comes back with a higher priority under
 * override takes the role back only once it holds every session (never an outage of every
 * connection for a take-back), and when the primary dies a synced secondary is preferred to a
 * half-synced one. A preference, not a condition: a unit that is not ready still wins when it
 * is the only candidate, and it counts as ready once its resync has run too long
 * (firmware/sessions/runtime.ts), so a stuck sync never blocks a takeover.
 *
 * "Ages closer than the margin are equal" is not transitive (0 s ~ 200 s ~ 400 s with a 300 s
 * margin, yet 0 s < 400 s), so pairwise comparison can form a cycle and a tournament would
 * depend on the order the units were listed in. Instead each rule filters the field: keep the
 * units best on this rule, then apply the next rule to the survivors. For age, "best" is every
 * unit within the margin of the oldest. The result depends only on the set of candidates, so
 * every unit that sees the same set elects the same primary. Between the primary and the
 * runner-up (the winner of the rest) the filter always agrees with the pairwise rules, which is
 * what `criterion` and `reason` report.
 */

export interface Candidate {
  serial: string;
  priority: number;
  ageMs: number;
  monitorUp: number;
  failover: boolean;
  sessionsReady: boolean;
}

export type Criterion = 'only-member' | 'failover' | 'monitor' | 'sessions' | 'age' | 'priority' | 'serial';

export interface ElectionResult {
  primary: string;
  /** Every candidate's serial, primary first, then the winner of the rest, and so on. */
  order: string[];
  /** The rule that decided between the primary and the runner-up. */
  criterion: Criterion;
  reason: string;
}

export interface ElectionOptions {
  override: boolean;
  marginMs: number;
  /**
   * Leave age out (failover > monitor > priority > serial). Every other input is exact on every
   * unit; age is not (peers see it to about half a heartbeat gap, peer-ages.ts), so this is the order two units that disagree
   * can both agree on (see firmware/ha/dual-primary.ts).
   */
  ignoreAge?: boolean;
}

type Rule = Exclude<Criterion, 'only-member'>;

const RULES_OVERRIDE_OFF: readonly Rule[] = ['failover', 'monitor', 'sessions', 'age', 'priority', 'serial'];
const RULES_OVERRIDE_ON: readonly Rule[] = ['failover', 'monitor', 'sessions', 'priority', 'age', 'serial'];
const RULES_WITHOUT_AGE: readonly Rule[] = ['failover', 'monitor', 'sessions', 'priority', 'serial'];

const BECAUSE: Record<Criterion, string> = {
  'only-member': 'it is the only member of the cluster',
  failover: 'the other units have failover set',
  monitor: 'it has the most connected monitored ports',
  sessions: 'its session table is in sync',
  age: 'it has the largest value of uptime',
  priority: 'it has the highest priority',
  serial: 'it has the largest serial number',
};

export function electionReason(primary: string, criterion: Criterion): string {
  return `${primary} is selected as the primary because ${BECAUSE[criterion]}`;
}

export function elect(candidates: readonly Candidate[], opts: ElectionOptions): ElectionResult {
  validate(candidates, opts);
  const rules = opts.ignoreAge ? RULES_WITHOUT_AGE : opts.override ? RULES_OVERRIDE_ON : RULES_OVERRIDE_OFF;
  const order: Candidate[] = [];
  let rest = [...candidates];
  while (rest.length > 0) {
    const w = winner(rest, rules, opts.marginMs);
    order.push(w);
    rest = rest.filter((c) => c !== w);
  }
  const primary = order[0]!;
  const runnerUp = order[1];
  const criterion: Criterion = runnerUp ? deciding(primary, runnerUp, rules, opts.marginMs) : 'only-member';
  return {
    primary: primary.serial,
    order: order.map((c) => c.serial),
    criterion,
    reason: electionReason(primary.serial, criterion),
  };
}

/**
 * Pairwise comparison under one rule: > 0 when `a` is better, < 0 when `b` is, 0 when the rule
 * cannot tell them apart (for age: a difference under the margin).
 */
export function compareBy(rule: Rule, a: Candidate, b: Candidate, marginMs: number): number {
  switch (rule) {
    case 'failover':
      return a.failover === b.failover ? 0 : a.failover ? -1 : 1;
    case 'monitor':
      return Math.sign(a.monitorUp - b.monitorUp);
    case 'sessions':
      return a.sessionsReady === b.sessionsReady ? 0 : a.sessionsReady ? 1 : -1;
    case 'age': {
      const d = a.ageMs - b.ageMs;
      return Math.abs(d) >= marginMs ? Math.sign(d) : 0;
    }
    case 'priority':
      return Math.sign(a.priority - b.priority);
    case 'serial':
      return a.serial > b.serial ? 1 : a.serial < b.serial ? -1 : 0;
  }
}

function winner(pool: readonly Candidate[], rules: readonly Rule[], marginMs: number): Candidate {
  let field: readonly Candidate[] = pool;
  for (const rule of rules) {
    if (field.length === 1) break;
    field = survivors(rule, field, marginMs);
  }
  return field[0]!;
}

function survivors(rule: Rule, field: readonly Candidate[], marginMs: number): readonly Candidate[] {
  switch (rule) {
    case 'failover': {
      const clear = field.filter((c) => !c.failover);
      return clear.length > 0 ? clear : field;
    }
    case 'monitor':
      return keepMax(field, (c) => c.monitorUp);
    case 'sessions': {
      const ready = field.filter((c) => c.sessionsReady);
      return ready.length > 0 ? ready : field;
    }
    case 'age': {
      const oldest = Math.max(...field.map((c) => c.ageMs));
      return field.filter((c) => oldest - c.ageMs < marginMs);
    }
    case 'priority':
      return keepMax(field, (c) => c.priority);
    case 'serial':
      return [field.reduce((best, c) => (c.serial > best.serial ? c : best))];
  }
}

function keepMax(field: readonly Candidate[], key: (c: Candidate) => number): readonly Candidate[] {
  const best = Math.max(...field.map(key));
  return field.filter((c) => key(c) === best);
}

function deciding(primary: Candidate, runnerUp: Candidate, rules: readonly Rule[], marginMs: number): Rule {
  for (const rule of rules) {
    if (compareBy(rule, primary, runnerUp, marginMs) !== 0) return rule;
  }
  return 'serial';
}

function validate(candidates: readonly Candidate[], opts: ElectionOptions): void {
  if (candidates.length === 0) throw new RangeError('election needs at least one candidate, got none');
  if (!Number.isFinite(opts.marginMs) || opts.marginMs < 0) {
    throw new RangeError(`election margin ${opts.marginMs} ms: expected a finite number >= 0`);
  }
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.serial)) throw new RangeError(`election candidate serial "${c.serial}" appears twice; serials must be unique`);
    seen.add(c.serial);
    if (!Number.isFinite(c.ageMs) || !Number.isFinite(c.priority) || !Number.isFinite(c.monitorUp)) {
      throw new RangeError(`election candidate "${c.serial}": age, priority and monitorUp must be finite numbers`);
    }
  }
}
