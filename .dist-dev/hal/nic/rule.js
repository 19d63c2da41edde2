/**
 * IPv4 policy routing rules through rtnetlink RTM_NEWRULE / RTM_DELRULE: `from <prefix> lookup
 * <table>` at a priority, carrying Tandem's protocol number like its routes.
 *
 * Both are idempotent: a rule is added with NLM_F_EXCL, whose EEXIST means an identical rule is
 * there already (without the flag the kernel would add a second copy), and ENOENT on removal
 * means there is none to remove.
 */
import { HalError } from '../errors.js';
import { AF_INET, E, errnoText } from '../libc.js';
import { parseCidr } from './address.js';
import { headerTable, ruleProblem, ruleText } from './policy-routing.js';
import { RTPROT_TANDEM } from './route.js';
import { NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, NlMessage, requestAck, sequence } from './rtnetlink.js';
const RTM_NEWRULE = 32;
const RTM_DELRULE = 33;
const FRA_SRC = 2;
const FRA_PRIORITY = 6;
const FRA_TABLE = 15;
const FRA_PROTOCOL = 21;
const FR_ACT_TO_TBL = 1;
const DEVICE = 'nic rules';
function changeRule(rule, add) {
    const operation = add ? 'addRule' : 'removeRule';
    const problem = ruleProblem(rule);
    const from = parseCidr(rule.from);
    if (problem || !from)
        throw new HalError(DEVICE, operation, E.EINVAL, problem);
    // struct fib_rule_hdr { u8 family, dst_len, src_len, tos, table, res1, res2, action; u32 flags; }
    const frh = new Uint8Array(12);
    frh[0] = AF_INET;
    frh[2] = from.prefixLength;
    frh[4] = headerTable(rule.table);
    frh[7] = FR_ACT_TO_TBL;
    const flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
    const message = new NlMessage(add ? RTM_NEWRULE : RTM_DELRULE, flags, sequence()).struct(frh);
    if (from.prefixLength > 0)
        message.attr(FRA_SRC, from.address);
    message.u32(FRA_PRIORITY, rule.priority).u32(FRA_TABLE, rule.table).attr(FRA_PROTOCOL, Uint8Array.of(RTPROT_TANDEM));
    const err = requestAck(DEVICE, operation, message.finish());
    if (err !== 0 && err !== (add ? E.EEXIST : E.ENOENT)) {
        throw new HalError(DEVICE, operation, err, `${ruleText(rule)}: ${errnoText(err)}`);
    }
}
/** Adds the rule; an identical one already there is not an error. */
export function addRule(rule) {
    changeRule(rule, true);
}
/** Removing a rule that is absent is not an error. */
export function removeRule(rule) {
    changeRule(rule, false);
}
//# sourceMappingURL=rule.js.map