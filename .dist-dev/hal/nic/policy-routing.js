/**
 * What a routing table number and a policy routing rule must be, checked before anything is
 * sent: by the Linux driver and the fake alike, so both refuse the same values with the same
 * words. Pure (no koffi).
 */
import { parseIpv4 } from '../../lib/ip-text.js';
/** The kernel's own tables: default, main, local. The main table is asked for by leaving `table` out. */
const KERNEL_TABLES = [253, 254, 255];
const U32_MAX = 0xffffffff;
/** What the one-byte table field of rtmsg and fib_rule_hdr holds for a larger table (given in full as an attribute). */
const RT_TABLE_COMPAT = 252;
/** The table as the one-byte header field carries it: itself, or RT_TABLE_COMPAT when it does not fit. */
export function headerTable(table) {
    return table <= 0xff ? table : RT_TABLE_COMPAT;
}
/** Why `table` cannot be an `Ipv4Route.table`, or undefined when it can. */
export function tableProblem(table) {
    if (table === undefined)
        return undefined;
    if (!Number.isInteger(table) || table < 1 || table > U32_MAX || KERNEL_TABLES.includes(table)) {
        return `table ${table}: must be an integer 1..${U32_MAX} other than ${KERNEL_TABLES.join(', ')} (leave it out for main)`;
    }
    return undefined;
}
/** "from 198.18.3.11/32 lookup 100 priority 100", as `ip rule` would say it. */
export function ruleText(rule) {
    return `from ${rule.from} lookup ${rule.table} priority ${rule.priority}`;
}
/** Why `rule` cannot be installed, or undefined when it can. */
export function ruleProblem(rule) {
    const [host = '', bits = '', extra] = rule.from.split('/');
    if (extra !== undefined || !/^\d{1,2}$/.test(bits) || Number(bits) > 32 || !parseIpv4(host)) {
        return `rule ${ruleText(rule)}: expected an IPv4 source prefix a.b.c.d/0-32`;
    }
    if (rule.table === undefined)
        return `rule ${ruleText(rule)}: a rule names its table`;
    const table = tableProblem(rule.table);
    if (table)
        return `rule ${ruleText(rule)}: ${table}`;
    if (!Number.isInteger(rule.priority) || rule.priority < 0 || rule.priority > U32_MAX) {
        return `rule ${ruleText(rule)}: priority must be an integer 0..${U32_MAX}`;
    }
    return undefined;
}
//# sourceMappingURL=policy-routing.js.map