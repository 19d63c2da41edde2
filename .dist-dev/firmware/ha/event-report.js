/** The facts a SIEM filters HA events on (`subtype="ha" to="work"`), besides the message. */
const ha = (fields) => ({ subtype: 'ha', fields });
export function reportEvents(log, events) {
    for (const e of events) {
        switch (e.kind) {
            case 'state':
                log.event(`HA state ${e.from} -> ${e.to}: ${e.reason}`, 'info', ha({ action: 'state', from: e.from, to: e.to, reason: e.reason }));
                break;
            case 'joined':
                log.event(`peer ${e.hostname} (${e.serial}) joined on ${e.link}`, 'info', ha({ action: 'joined', peer: e.serial, peername: e.hostname, link: e.link }));
                break;
            case 'lost':
                log.event(`peer ${e.serial} lost: ${e.reason}`, 'warn', ha({ action: 'lost', peer: e.serial, reason: e.reason }));
                break;
            case 'left':
                log.event(`peer ${e.serial} left the cluster (graceful shutdown)`, 'info', ha({ action: 'left', peer: e.serial }));
                break;
            case 'refused':
                log.event(`refused ${e.serial} on ${e.link}: ${e.reason}`, 'warn', ha({ action: 'refused', peer: e.serial, link: e.link, reason: e.reason }));
                break;
            case 'elected':
                log.info(`election: ${e.reason}`);
                break;
            case 'beacon':
                log.event(e.seen
                    ? `${e.serial} is primary: seen on data port ${e.port} though its heartbeats stopped (data-port beacon)`
                    : `${e.serial} no longer seen primary on the data ports`, 'warn');
                break;
            case 'held':
                log.event(`HA state change to ${e.to} held: ${e.reason}`, 'warn');
                break;
            case 'stall':
                log.event(`heartbeat worker stalled ${e.lateMs.toFixed(1)} ms (this board, not a peer): not counted against peers`, 'warn');
                break;
        }
    }
}
//# sourceMappingURL=event-report.js.map