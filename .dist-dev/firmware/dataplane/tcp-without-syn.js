import { policyComment, policyMatches, throughLast } from './nft-match.js';
/** The named counter of the packets dropped here, forward and input together. */
export const TCP_WITHOUT_SYN_COUNTER = 'tcp-without-syn';
/** The exemption chain: the policies with `tcp-session-without-syn enable` and those ahead of them. */
export const WITHOUT_SYN_CHAIN = 'tcp-session-without-syn';
/** SYN, ACK, FIN and RST weighed, so the ECN bits a SYN may carry do not matter. */
const NEW_WITHOUT_SYN = 'tcp flags & (fin|syn|rst|ack) != syn ct state new';
/** The drop, counted; the last word on a new TCP packet without SYN in forward and input. */
export const DROP_WITHOUT_SYN = `${NEW_WITHOUT_SYN} counter name "${TCP_WITHOUT_SYN_COUNTER}" drop comment "TCP session without SYN"`;
/** The counter's declaration inside the table. */
export const WITHOUT_SYN_COUNTER_DECLARATION = `counter ${TCP_WITHOUT_SYN_COUNTER} {}`;
/** The exemption chain's rules; none when no enabled accept policy lets a session start without SYN. */
export function exemptionRules(dp, ifnameOf) {
    const allows = (p) => p.action === 'accept' && p.tcpSessionWithoutSyn;
    const listed = throughLast(dp.policies.filter((p) => p.enabled), allows);
    const rules = [];
    for (const p of listed) {
        const verdict = allows(p) ? 'accept' : 'return';
        for (const match of policyMatches(p, dp, ifnameOf))
            rules.push(`${match} ${verdict} comment ${policyComment(p)}`);
    }
    return rules;
}
/** Forward's rules ahead of the policies: through the exemption chain when there is one, then the drop. */
export function forwardWithoutSyn(exemptions) {
    return exemptions.length > 0 ? [`${NEW_WITHOUT_SYN} jump ${WITHOUT_SYN_CHAIN}`, DROP_WITHOUT_SYN] : [DROP_WITHOUT_SYN];
}
//# sourceMappingURL=tcp-without-syn.js.map