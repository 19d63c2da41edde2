/** Applies every command read so far, in order. */
export function applyCommands(source, target, now) {
    for (let m = source.next(); m !== undefined; m = source.next())
        applyCommand(m, target, now);
}
function applyCommand(msg, target, now) {
    switch (msg.type) {
        case 'settings':
            target.reconfigure(msg.settings, msg.links, msg.hostname, now);
            break;
        case 'keys':
            target.setKeys(msg.ring, now);
            break;
        case 'arm':
            target.arm(msg.plan, now);
            break;
        case 'remote-link':
            target.setRemoteLink(msg.counted, msg.failed, now);
            break;
        case 'failover':
            target.setFailover(msg.on, now);
            break;
        case 'probation':
            target.setProbation(msg.on, now);
            break;
        case 'sessions-ready':
            target.setSessionsReady(msg.ready, now);
            break;
        case 'reset-uptime':
            target.resetUptime(now);
            break;
        case 'clear-stats':
            target.clearStats();
            break;
        case 'leave':
            target.requestLeave();
            break;
        case 'control-send':
            target.sendControl(msg.frames);
            break;
    }
}
//# sourceMappingURL=worker-commands.js.map