/** By `<subtype>/<action field>`. */
const IDS = {
    'ha/state': { logid: '0101000001', logdesc: 'HA state changed' },
    'ha/joined': { logid: '0101000002', logdesc: 'HA peer joined' },
    'ha/lost': { logid: '0101000003', logdesc: 'HA peer lost' },
    'ha/left': { logid: '0101000004', logdesc: 'HA peer left' },
    'ha/refused': { logid: '0101000005', logdesc: 'HA peer refused' },
    'ha/takeover': { logid: '0101000006', logdesc: 'HA took over the data ports' },
    'ha/giveup': { logid: '0101000007', logdesc: 'HA gave up the data ports' },
    'config/full-sync': { logid: '0102000001', logdesc: 'Config full sync sent' },
    'config/applied': { logid: '0102000002', logdesc: 'Config sync applied' },
    'config/refused': { logid: '0102000003', logdesc: 'Config sync refused here' },
    'config/peer-refused': { logid: '0102000004', logdesc: 'Config sync refused by a peer' },
    'config/diverged': { logid: '0102000005', logdesc: 'Config diverged, backup kept' },
    'config/committed': { logid: '0102000006', logdesc: 'Config committed for a peer' },
    'system/image-installed': { logid: '0103000001', logdesc: 'Firmware image installed' },
    'system/image-trial': { logid: '0103000002', logdesc: 'Firmware image on trial' },
    'system/image-confirmed': { logid: '0103000003', logdesc: 'Firmware image confirmed' },
    'system/image-unhealthy': { logid: '0103000004', logdesc: 'Firmware image not healthy' },
    'system/image-rolled-back': { logid: '0103000005', logdesc: 'Firmware image rolled back' },
};
/** The record's id, from its subtype and `action` field; undefined when it has none. */
export function eventId(r) {
    const action = r.fields?.action;
    return typeof action === 'string' ? IDS[`${r.subtype ?? r.namespace}/${action}`] : undefined;
}
//# sourceMappingURL=event-ids.js.map