import { inputRules } from './input-rules.js';
import { ipv4, policyComment, policyError, policyMatches, throughLast } from './nft-match.js';
import { HELPER_DECLARATION, HELPER_RULE } from './session-helpers.js';
import { exemptionRules, forwardWithoutSyn, WITHOUT_SYN_CHAIN, WITHOUT_SYN_COUNTER_DECLARATION } from './tcp-without-syn.js';
export const TABLE_FAMILY = 'inet';
export const TABLE_NAME = 'tandem';
function forwardRules(dp, opts, exemptions) {
    const rules = ['ct state established,related accept', 'ct state invalid drop', HELPER_RULE, ...forwardWithoutSyn(exemptions)];
    for (const p of dp.policies) {
        if (!p.enabled)
            continue;
        const verdict = p.action === 'accept' ? 'accept' : 'drop';
        for (const match of policyMatches(p, dp, opts.ifnameOf))
            rules.push(`${match} ct state new ${verdict} comment ${policyComment(p)}`);
    }
    return rules;
}
function natStatement(p, dp) {
    if (!p.ippool)
        return 'masquerade';
    if (p.poolname.length !== 1)
        throw policyError(p, 'poolname', p.poolname.join(' '), 'exactly one ippool per policy is supported', 'one ippool name');
    const name = p.poolname[0] ?? '';
    const pool = dp.pools.find((x) => x.name === name);
    if (!pool)
        throw policyError(p, 'poolname', name, 'not an ippool', dp.pools.map((x) => x.name).join(', ') || '(none)');
    const start = ipv4(p, 'poolname', pool.startIp);
    const end = ipv4(p, 'poolname', pool.endIp);
    return start === end ? `snat ip to ${start}` : `snat ip to ${start}-${end}`;
}
function postroutingRules(dp, opts) {
    const accepting = dp.policies.filter((p) => p.enabled && p.action === 'accept');
    const rules = [];
    for (const p of throughLast(accepting, (x) => x.nat)) {
        const statement = p.nat ? natStatement(p, dp) : 'accept';
        for (const match of policyMatches(p, dp, opts.ifnameOf))
            rules.push(`${match} ${statement} comment ${policyComment(p)}`);
    }
    return rules;
}
function chain(name, header, rules) {
    return regularChain(name, [header, ...rules]);
}
/** A chain without a hook: reached only by a jump. */
function regularChain(name, rules) {
    return [`\tchain ${name} {`, ...rules.map((r) => `\t\t${r}`), '\t}'];
}
/**
 * The complete ruleset for `nft -f`. Throws `ConfigError` (policy id, option, value) for a
 * policy that cannot be expressed or names something missing; never for a valid config.
 */
export function renderRuleset(dp, opts) {
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
//# sourceMappingURL=ruleset.js.map