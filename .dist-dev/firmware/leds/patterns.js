export function ledLights(i) {
    return { status: statusLight(i), ha: haLight(i), sync: syncLight(i) };
}
function statusLight(i) {
    if (i.alarm !== undefined)
        return { colour: 'red', blink: '4hz' };
    return { colour: 'green', blink: i.running ? 'steady' : '1hz' };
}
function haLight({ ha }) {
    if (!ha?.enabled)
        return null;
    if (ha.members > 1 && ha.rivals === 0) {
        if (ha.state === 'work')
            return { colour: 'green', blink: 'steady' };
        if (ha.state === 'standby')
            return { colour: 'green', blink: '1hz' };
        return { colour: 'amber', blink: '4hz' };
    }
    if (ha.refused > 0)
        return { colour: 'red', blink: '4hz' };
    if (ha.state === 'hello')
        return { colour: 'amber', blink: '4hz' };
    return { colour: 'amber', blink: 'steady' };
}
function syncLight(i) {
    if (!i.ha?.enabled || i.ha.members < 2)
        return null;
    const inSync = i.sessionsReady && i.configSync.length > 1 && i.configSync.every((s) => s === 'in-sync');
    return { colour: 'green', blink: inSync ? 'steady' : '1hz' };
}
//# sourceMappingURL=patterns.js.map