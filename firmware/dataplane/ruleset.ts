/**
 * The data plane's nftables ruleset, rendered for `nft -f` as one transaction: the table is
 * declared (so the delete cannot fail on a first load), deleted and defined again, and the
 * kernel applies all of it or none, so a reload never leaves a window without rules.
 *
 * forward: stateful. Established and related traffic passes, invalid is dropped, a new
 * connection meets the enabled policies in configured order (first match wins), anything
 * else falls to the chain's drop policy.
 *
 * postrouting: source NAT for the accept policies with `nat enable`. Accept policies without
 * NAT that come before the last NAT policy get an `accept` here too, so a connection is NATed
 * only when the policy that admitted it in forward asks for it (first match, as in forward).
 *
 * input: `allowaccess` per addressed interface (input-rules.ts); policy accept, so ports the
 * data plane does not address (heartbeat, sync) are left alone.
 *
 * Output is a pure function of its input (no timestamps), so equal configs give equal text.
 */
import type { DataPlaneConfig, PolicyConfig } from '../config/data-plane.js';
import { inputRules } from './input-rules.js';
import { addressMatch, interfaceMatch, ipv4, policyComment, policyError, serviceMatches } from './nft-match.js';

export const TABLE_FAMILY = 'inet';
export const TABLE_NAME = 'tandem';

export interface RulesetOptions {
  /** The kernel interface name of a board port (`port1` → `eth1`). */
  ifnameOf(port: string): string;
}

/** The match part of a policy's rules, one per service alternative. */
function policyMatches(p: PolicyConfig, dp: DataPlaneConfig, opts: RulesetOptions): string[] {
  const head = [interfaceMatch(p, 'srcintf', opts.ifnameOf), interfaceMatch(p, 'dstintf', opts.ifnameOf)];
  const saddr = addressMatch(p, 'srcaddr', dp);
  const daddr = addressMatch(p, 'dstaddr', dp);
  if (saddr === undefined && daddr === undefined) head.push('meta nfproto ipv4');
  if (saddr !== undefined) head.push(saddr);
  if (daddr !== undefined) head.push(daddr);
  return serviceMatches(p, dp).map((service) => [...head, ...(service === undefined ? [] : [service])].join(' '));
}

function forwardRules(dp: DataPlaneConfig, opts: RulesetOptions): string[] {
  const rules = ['ct state established,related accept', 'ct state invalid drop'];
  for (const p of dp.policies) {
    if (!p.enabled) continue;
    const verdict = p.action === 'accept' ? 'accept' : 'drop';
    for (const match of policyMatches(p, dp, opts)) rules.push(`${match} ct state new ${verdict} comment ${policyComment(p)}`);
  }
  return rules;
}

function natStatement(p: PolicyConfig, dp: DataPlaneConfig): string {
  if (!p.ippool) return 'masquerade';
  if (p.poolname.length !== 1)
    throw policyError(p, 'poolname', p.poolname.join(' '), 'exactly one ippool per policy is supported', 'one ippool name');
  const name = p.poolname[0] ?? '';
  const pool = dp.pools.find((x) => x.name === name);
  if (!pool) throw policyError(p, 'poolname', name, 'not an ippool', dp.pools.map((x) => x.name).join(', ') || '(none)');
  const start = ipv4(p, 'poolname', pool.startIp);
  const end = ipv4(p, 'poolname', pool.endIp);
  return start === end ? `snat ip to ${start}` : `snat ip to ${start}-${end}`;
}

function postroutingRules(dp: DataPlaneConfig, opts: RulesetOptions): string[] {
  const accepting = dp.policies.filter((p) => p.enabled && p.action === 'accept');
  let last = -1;
  accepting.forEach((p, i) => {
    if (p.nat) last = i;
  });
  const rules: string[] = [];
  for (const p of accepting.slice(0, last + 1)) {
    const statement = p.nat ? natStatement(p, dp) : 'accept';
    for (const match of policyMatches(p, dp, opts)) rules.push(`${match} ${statement} comment ${policyComment(p)}`);
  }
  return rules;
}

function chain(name: string, header: string, rules: readonly string[]): string[] {
  return [`\tchain ${name} {`, `\t\t${header}`, ...rules.map((r) => `\t\t${r}`), '\t}'];
}

/**
 * The complete ruleset for `nft -f`. Throws `ConfigError` (policy id, option, value) for a
 * policy that cannot be expressed or names something missing; never for a valid config.
 */
export function renderRuleset(dp: DataPlaneConfig, opts: RulesetOptions): string {
  const table = `table ${TABLE_FAMILY} ${TABLE_NAME}`;
  const lines = [
    '# tandem data plane ruleset (firmware/dataplane/ruleset.ts), applied as one atomic replace',
    table,
    `delete ${table}`,
    `${table} {`,
    ...chain('forward', 'type filter hook forward priority 0; policy drop;', forwardRules(dp, opts)),
    ...chain('postrouting', 'type nat hook postrouting priority srcnat; policy accept;', postroutingRules(dp, opts)),
    ...chain('input', 'type filter hook input priority 0; policy accept;', inputRules(dp, opts.ifnameOf)),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
