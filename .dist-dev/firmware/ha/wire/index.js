/** The heartbeat wire format, protocol 1.0 (see header.ts for the layout, body.ts for the keys). */
export { HA_ETHERTYPE, HA_MULTICAST_MAC, HA_UDP_PORT } from './addresses.js';
export { advertProblem, BODY_FIELDS, decodeBody, encodeBody } from './body.js';
export { emptyCounters, HeartbeatDecoder } from './decoder.js';
export { HeartbeatEncoder } from './encoder.js';
export { WireError } from './errors.js';
export { FLAG_ENCRYPTED, FrameType, HA_MAX_PAYLOAD, HEADER_LEN, MAX_BODY_LEN, PROTOCOL_MAJOR, PROTOCOL_MINOR, TAG_LEN, } from './header.js';
export { deriveKeys } from './keys.js';
export { REPLAY_WINDOW } from './replay.js';
//# sourceMappingURL=index.js.map