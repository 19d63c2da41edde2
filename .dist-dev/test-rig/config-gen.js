/**
 * Large configurations for benchmarks: `count` firewall addresses in 198.18.128.0/17 and one
 * policy per address, after the rig gateway's own policy 1, so config sync carries a
 * configuration the size of a busy branch office's.
 */
/** `config firewall address` and `config firewall policy` text with `count` entries each (policies 1001…). */
export function manyPolicies(count) {
    if (!Number.isInteger(count) || count < 1 || count > 32_000) {
        throw new RangeError(`policy count ${count} is not allowed: use an integer 1-32000`);
    }
    const name = (i) => `bench-${i}`;
    const host = (i) => `198.18.${128 + (i >> 8)}.${i & 255}`;
    const lines = ['config firewall address'];
    for (let i = 0; i < count; i++) {
        lines.push(`    edit "${name(i)}"`, `        set subnet ${host(i)} 255.255.255.255`, '    next');
    }
    lines.push('end', 'config firewall policy');
    for (let i = 0; i < count; i++) {
        lines.push(`    edit ${1001 + i}`, '        set srcintf "port2"', '        set dstintf "port1"', '        set srcaddr "all"', `        set dstaddr "${name(i)}"`, '        set action deny', '        set schedule "always"', '        set service "ALL"', '    next');
    }
    lines.push('end', '');
    return lines.join('\n');
}
//# sourceMappingURL=config-gen.js.map