/**
 * The data plane's nftables ruleset, rendered for `nft -f` as one transaction: the table is
 * declared (so the delete cannot fail on a first load), deleted and defined again, and the
 * kernel applies all of it or none, so a reload never leaves a window without rules.
 *
 * forward: stateful. Established and related traffic passes (related: a helper's expected
 * connection, such as FTP data), invalid is dropped, a new connection to TCP 21 gets the FTP
 * helper (session-helpers.ts), a new TCP session must start with a SYN unless its policy says
 * otherwise (tcp-without-syn.ts), a new connection meets the enabled policies in configured
 * order (first match wins), anything else falls to the chain's drop policy.
 *
 * postrouting: source NAT for the accept policies with `nat enable`. Accept policies without
 * NAT that come before the last NAT policy get an `accept` here too, so a connection is NATed
 * only when the policy that admitted it in forward asks for it (first match, as in forward).
 *
 * input: no new TCP session without SYN, then `allowaccess` per addressed interface
 * (input-rules.ts); policy accept, so ports the data plane does not address (heartbeat, sync)
 * are left alone.
 *
 * Output is a pure function of its input (no timestamps), so equal configs give equal text.
 */
import type { DataPlaneConfig, PolicyConfig } from '../config/data-plane.js';
import { inputRules } from './input-rules.js';
import { ipv4, policyComment, policyError, policyMatches, throughLast } from './nft-match.js';
import { HELPER_DECLARATION, HELPER_RULE } from './session-helpers.js';
import { exemptionRules, forwardWithoutSyn, WITHOUT_SYN_CHAIN, WITHOUT_SYN_COUNTER_DECLARATION } from './tcp-without-syn.js';

export const TABLE_FAMILY = 'inet';
export const TABLE_NAME = 'tandem';

export interface RulesetOptions {
  /** The kernel interface name of a board port (`port1` → `eth1`). */
  ifnameOf(port: string): string;
}

function forwardRules(dp: DataPlaneConfig, opts: RulesetOptions, exemptions: readonly string[]): string[] {
  const rules = ['ct state established,related accept', 'ct state invalid drop', HELPER_RULE, ...forwardWithoutSyn(exemptions)];
  for (const p of dp.policies) {
    if (!p.enabled) continue;
    const verdict = p.action === 'accept' ? 'accept' : 'drop';
    for (const match of policyMatches(p, dp, opts.ifnameOf))
      rules.push(`${match} ct state new ${verdict} comment ${policyComment(p)}`);
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
  const rules: string[] = [];
  for (const p of throughLast(accepting, (x) => x.nat)) {
    const statement = p.nat ? natStatement(p, dp) : 'accept';
    for (const match of policyMatches(p, dp, opts.ifnameOf)) rules.push(`${match} ${statement} comment ${policyComment(p)}`);
  }
  return rules;
}

function chain(name: string, header: string, rules: readonly string[]): string[] {
  return regularChain(name, [header, ...rules]);
}

/** A chain without a hook: reached only by a jump. */
function regularChain(name: string, rules: readonly string[]): string[] {
  return [`\tchain ${name} {`, ...rules.map((r) => `\t\t${r}`), '\t}'];
}

/**
 * The complete ruleset for `nft -f`. Throws `ConfigError` (policy id, option, value) for a
 * policy that cannot be expressed or names something missing; never for a valid config.
 */
export function renderRuleset(dp: DataPlaneConfig, opts: RulesetOptions): string {
  const table = `table ${TABLE_FAMILY} ${TABLE_NAME}`;
  const exemptions = exemptionRules(dp, opts.ifnameOf);
  const lines = [
    '# tandem data plane ruleset (firmware/dataplane/ruleset.ts), applied as one atomic replace',
    table,
    `delete ${table}`,
    `${table} {`,
    `\t${WITHOUT_SYN_COUNTER_DECLARATION}`,
    `\t${HELPER_DECLARATION}`,
    ...(exemptions.length > 0 ? regularChain(WITHOUT_SYN_CHAIN, exemptions) : []),
    ...chain('forward', 'type filter hook forward priority 0; policy drop;', forwardRules(dp, opts, exemptions)),
    ...chain('postrouting', 'type nat hook postrouting priority srcnat; policy accept;', postroutingRules(dp, opts)),
    ...chain('input', 'type filter hook input priority 0; policy accept;', inputRules(dp, opts.ifnameOf)),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
