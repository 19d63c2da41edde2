/**
 * Sync frames as a unit puts them on a sync port (Ethernet header, HA header, body, tag), sealed
 * outside any SyncLink: with any serial, group, frame type, keys or encryption setting.
 */
import { ETH_HEADER_LEN, writeEthernetHeader } from '../../lib/ethernet.js';
import { HA_MAX_PAYLOAD } from '../ha/wire/header.js';
import { deriveSyncKeys } from '../ha/wire/keys.js';
import { FrameSealer } from '../ha/wire/sealer.js';
import { SYNC_FRAME_TYPE } from './sync-frames.js';
import { SYNC_CHANNEL } from './sync-ports.js';
export const SYNC_PASSWORD = 'secret';
export const SYNC_GROUP = 7;
/** A sender's sealer: frames in sequence from 1 under boot id 1. */
export function syncSealer(o) {
    const sealer = new FrameSealer({
        serial: o.serial,
        groupId: o.groupId ?? SYNC_GROUP,
        keys: o.keys ?? deriveSyncKeys(SYNC_PASSWORD),
        encryption: o.encryption ?? false,
        bootId: 1,
        nextBootId: () => 2,
    });
    return (body) => {
        const buf = new Uint8Array(ETH_HEADER_LEN + HA_MAX_PAYLOAD);
        writeEthernetHeader(buf, SYNC_CHANNEL.group, Uint8Array.of(2, 0, 0, 0, 0, 9), SYNC_CHANNEL.ethertype);
        return buf.slice(0, sealer.seal(o.type ?? SYNC_FRAME_TYPE, body, buf, ETH_HEADER_LEN));
    };
}
/** One frame of a sender of its own. */
export function syncFrame(o, body) {
    return syncSealer(o)(body);
}
//# sourceMappingURL=sync-wire.testkit.js.map