/**
 * The data plane the rig's boards run as a gateway between the client (LAN, port2) and the
 * server (WAN, port1): interface addresses the client and server route through, and firewall
 * policies. The client's default route points at GATEWAY_LAN and the server's at GATEWAY_WAN,
 * so without a primary holding them no traffic crosses.
 */
export const GATEWAY_LAN = '198.18.1.1';
export const GATEWAY_WAN = '198.18.2.1';
/** An overload pool on the WAN side, always configured, used by policies with `natPool`: the server sees this source. */
export const WAN_POOL = { name: 'wan-pool', startIp: '198.18.2.50', endIp: '198.18.2.50' };
/** A service of every TCP port, as FortiOS predefines it: a policy for TCP alone. */
export const ALL_TCP = 'ALL_TCP';
/** The server the link monitor pings (the rig's srv host). */
export const PING_SERVER = '198.18.2.10';
/** `config system interface` … `config firewall policy` text for one board. */
export function gatewayConfig(o = {}) {
    const policies = o.policies ?? [{ id: 1, action: 'accept' }];
    const lines = [
        'config system interface',
        '    edit "port1"',
        `        set ip ${GATEWAY_WAN} 255.255.255.0`,
        '        set allowaccess ping',
        '        set role wan',
        '    next',
        '    edit "port2"',
        `        set ip ${GATEWAY_LAN} 255.255.255.0`,
        '        set allowaccess ping',
        '        set role lan',
        '    next',
        'end',
        'config firewall service custom',
        `    edit "${ALL_TCP}"`,
        '        set tcp-portrange 1-65535',
        '    next',
        'end',
        'config firewall ippool',
        `    edit "${WAN_POOL.name}"`,
        '        set type overload',
        `        set startip ${WAN_POOL.startIp}`,
        `        set endip ${WAN_POOL.endIp}`,
        '    next',
        'end',
    ];
    if (o.services && o.services.length > 0) {
        lines.push('config firewall service custom');
        for (const sv of o.services)
            lines.push(`    edit "${sv.name}"`, `        set tcp-portrange ${sv.tcpPortrange}`, '    next');
        lines.push('end');
    }
    lines.push('config firewall policy');
    for (const p of policies) {
        lines.push(`    edit ${p.id}`, `        set name "lan-to-wan-${p.id}"`, '        set srcintf "port2"', '        set dstintf "port1"', '        set srcaddr "all"', '        set dstaddr "all"', `        set action ${p.action}`, '        set schedule "always"', `        set service ${(p.service ?? ['ALL']).map((s) => `"${s}"`).join(' ')}`);
        if (p.natPool)
            lines.push('        set nat enable', '        set ippool enable', `        set poolname "${WAN_POOL.name}"`);
        else if (p.masquerade)
            lines.push('        set nat enable');
        if (p.tcpSessionWithoutSyn ?? true)
            lines.push('        set tcp-session-without-syn enable');
        lines.push('    next');
    }
    lines.push('end');
    if (o.pingServer) {
        lines.push('config system link-monitor', '    edit "wan-check"', '        set srcintf "port1"', `        set server "${PING_SERVER}"`, '        set interval 100', '        set failtime 3', '        set recoverytime 3', '    next', 'end');
    }
    lines.push('');
    return lines.join('\n');
}
//# sourceMappingURL=rig-gateway.js.map