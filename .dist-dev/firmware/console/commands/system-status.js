import { formatUptime } from '../format.js';
import { isStandalone, roleName, selfMember } from './ha-roles.js';
/** `configAlarm`: set when the unit booted from its last good config copy; said on its own line. */
export function renderSystemStatus(snap, hostname, firmwareVersion, lastReboot, configAlarm) {
    const mode = isStandalone(snap) ? 'standalone' : `${snap.mode}, ${roleName(snap.state)}`;
    const lines = [
        `Version: ${snap.model} v${firmwareVersion}`,
        `Serial-Number: ${snap.serial}`,
        `Hostname: ${hostname}`,
        `Current HA mode: ${mode}`,
    ];
    const self = selfMember(snap);
    if (self && !isStandalone(snap))
        lines.push(`HA uptime: ${formatUptime(self.ageMs)}`);
    if (lastReboot)
        lines.push(`Last reboot reason: ${lastReboot}`);
    if (configAlarm)
        lines.push(`Configuration: ${configAlarm}`);
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=system-status.js.map