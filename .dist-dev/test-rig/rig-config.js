/**
 * Board configurations for the rig, as FortiOS-style text. The defaults make a fast-forming
 * a-p cluster (100 ms heartbeats, 5 s hello holddown); options override any value, including
 * to values the firmware must refuse, since refusal is something tests check. Only the
 * heartbeat interval is checked here: it must be expressible as `hb-interval` and its unit.
 */
import { RigError } from './errors.js';
import { boardHostname } from './paths.js';
/** The `hb-interval` and `hb-interval-in-milliseconds` that give `ms`. */
export function hbIntervalSetting(ms) {
    if (Number.isInteger(ms)) {
        if (ms % 100 === 0 && ms >= 100 && ms <= 2000)
            return { interval: ms / 100, unit: '100ms' };
        if (ms % 10 === 0 && ms >= 10 && ms <= 200)
            return { interval: ms / 10, unit: '10ms' };
    }
    throw new RigError(`hbIntervalMs ${ms} cannot be configured: use 10 to 200 in steps of 10, or 100 to 2000 in steps of 100`);
}
function quoted(text) {
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
const flag = (on) => (on ? 'enable' : 'disable');
/** Board `index`'s own address on the management network (the server's leg there is 198.18.3.10). */
export function mgmtAddress(index) {
    return `198.18.3.${11 + index}`;
}
/** The configuration of board `index` (0 = A) of a rig. */
export function rigConfig(index, o = {}) {
    const hb = hbIntervalSetting(o.hbIntervalMs ?? 100);
    const hbdev = o.hbdev ?? [
        ['ha1', 50],
        ['ha2', 50],
    ];
    const ha = [
        `set mode ${o.mode ?? 'a-p'}`,
        `set group-id ${o.groupId ?? 7}`,
        `set group-name ${quoted(o.groupName ?? 'tandem-rig')}`,
        `set password ${quoted(o.password ?? 'rig-secret')}`,
        `set priority ${o.priority ?? (index === 0 ? 200 : 128)}`,
        `set override ${flag(o.override ?? false)}`,
        `set hb-interval ${hb.interval}`,
        `set hb-interval-in-milliseconds ${hb.unit}`,
        `set hb-lost-threshold ${o.lostThreshold ?? 6}`,
        `set hello-holddown ${o.helloHolddownS ?? 5}`,
        `set ha-uptime-diff-margin ${o.marginS ?? 300}`,
    ];
    if (hbdev.length > 0)
        ha.splice(6, 0, `set hbdev ${hbdev.map(([port, prio]) => `${quoted(port)} ${prio}`).join(' ')}`);
    if (o.monitor && o.monitor.length > 0)
        ha.push(`set monitor ${o.monitor.map(quoted).join(' ')}`);
    if (o.authentication !== undefined)
        ha.push(`set authentication ${flag(o.authentication)}`);
    if (o.encryption !== undefined)
        ha.push(`set encryption ${flag(o.encryption)}`);
    ha.push(...(o.haLines ?? []));
    const text = [
        'config system global',
        `    set hostname ${quoted(o.hostname ?? boardHostname(index))}`,
        'end',
        'config system ha',
        ...ha.map((line) => `    ${line}`),
        'end',
        'config system interface',
        '    edit "mgmt"',
        `        set ip ${mgmtAddress(index)}/24`,
        '        set allowaccess ping',
        '    next',
        'end',
        '',
    ].join('\n');
    return o.extra ? `${text}${o.extra.endsWith('\n') ? o.extra : `${o.extra}\n`}` : text;
}
//# sourceMappingURL=rig-config.js.map