/**
 * The fixed 36-byte header of every heartbeat frame (protocol 1.0), big-endian:
 *
 * | offset | size | field                                                        |
 * | ------ | ---- | ------------------------------------------------------------ |
 * | 0      | 2    | magic "TD" (0x54 0x44)                                       |
 * | 2      | 1    | protocol major (1); another major is refused                 |
 * | 3      | 1    | protocol minor (0); any minor is accepted                    |
 * | 4      | 1    | frame type: 1 heartbeat, 2 leave, 3 data-port beacon; 4 is a |
 * |        |      | session sync frame (firmware/sessions/, keys of its own), 5  |
 * |        |      | a control frame (firmware/control/, keys of its own)         |
 * | 5      | 1    | flags: bit0 encrypted; other bits reserved, ignored          |
 * | 6      | 2    | group-id                                                     |
 * | 8      | 16   | sender serial, ASCII, NUL-padded                             |
 * | 24     | 4    | boot id, grows with every start of the sender (boot-ids.ts)  |
 * | 28     | 4    | sequence, +1 per frame sent under one boot id                |
 * | 32     | 2    | body length                                                  |
 * | 34     | 2    | reserved, sent as 0, ignored                                 |
 *
 * Then `body length` bytes of body and a 16-byte tag. The header is always in clear and always
 * authenticated (HMAC input or GCM additional data), so the reserved bits can carry meaning in a
 * later minor version without breaking 1.0 receivers.
 */
import { WireError } from './errors.js';
export const HA_MAGIC = 0x5444;
export const PROTOCOL_MAJOR = 1;
/** 1: adverts carry `sr` (sessions ready, body.ts). */
export const PROTOCOL_MINOR = 1;
export const HEADER_LEN = 36;
export const TAG_LEN = 16;
export const SERIAL_LEN = 16;
export const FLAG_ENCRYPTED = 0x01;
/** Largest frame (header + body + tag): the payload of one untagged Ethernet frame. */
export const HA_MAX_PAYLOAD = 1500;
export const MAX_BODY_LEN = HA_MAX_PAYLOAD - HEADER_LEN - TAG_LEN;
export const Off = {
    magic: 0,
    major: 2,
    minor: 3,
    type: 4,
    flags: 5,
    groupId: 6,
    serial: 8,
    bootId: 24,
    seq: 28,
    bodyLen: 32,
    reserved: 34,
};
export const FrameType = {
    Heartbeat: 1,
    /** "I am leaving, take over now": the body is the sender's last advert. */
    Leave: 2,
    /** A primary's advert on a data port (firmware/ha/beacons.ts); the body is its advert. */
    Beacon: 3,
};
/**
 * A control frame (firmware/control/frames.ts). Defined here, beside the heartbeat types, since
 * the heartbeat worker tells them apart on UDP 703, which both share (ha/control-relay.ts).
 */
export const CONTROL_FRAME_TYPE = 5;
export function isFrameType(n) {
    return n === FrameType.Heartbeat || n === FrameType.Leave || n === FrameType.Beacon;
}
export function writeHeader(buf, o, h) {
    buf[o] = HA_MAGIC >>> 8;
    buf[o + 1] = HA_MAGIC & 0xff;
    buf[o + Off.major] = PROTOCOL_MAJOR;
    buf[o + Off.minor] = PROTOCOL_MINOR;
    buf[o + Off.type] = h.type;
    buf[o + Off.flags] = h.flags;
    writeU16(buf, o + Off.groupId, h.groupId);
    buf.set(h.serial, o + Off.serial);
    writeU32(buf, o + Off.bootId, h.bootId);
    writeU32(buf, o + Off.seq, h.seq);
    writeU16(buf, o + Off.bodyLen, h.bodyLen);
    writeU16(buf, o + Off.reserved, 0);
}
export function readU16(buf, o) {
    return (buf[o] << 8) | buf[o + 1];
}
export function readU32(buf, o) {
    return buf[o] * 0x1000000 + ((buf[o + 1] << 16) | (buf[o + 2] << 8) | buf[o + 3]);
}
export function writeU16(buf, o, v) {
    buf[o] = v >>> 8;
    buf[o + 1] = v;
}
export function writeU32(buf, o, v) {
    buf[o] = v >>> 24;
    buf[o + 1] = v >>> 16;
    buf[o + 2] = v >>> 8;
    buf[o + 3] = v;
}
function isSerialChar(c) {
    return c >= 0x21 && c <= 0x7e;
}
/** A unit serial as its 16 header bytes: 1–16 printable ASCII characters, NUL-padded. */
export function serialToBytes(serial) {
    if (typeof serial !== 'string' || serial.length < 1 || serial.length > SERIAL_LEN) {
        throw new WireError(`serial ${JSON.stringify(serial)}: must be 1-${SERIAL_LEN} printable ASCII characters`);
    }
    const out = new Uint8Array(SERIAL_LEN);
    for (let i = 0; i < serial.length; i++) {
        const c = serial.charCodeAt(i);
        if (!isSerialChar(c)) {
            throw new WireError(`serial ${JSON.stringify(serial)}: character ${i} is not printable ASCII (0x21-0x7e)`);
        }
        out[i] = c;
    }
    return out;
}
/** Length of the serial in a header (up to the first NUL), or -1 when it is not well formed. */
export function serialLength(buf, o) {
    let n = 0;
    while (n < SERIAL_LEN && buf[o + n] !== 0) {
        if (!isSerialChar(buf[o + n]))
            return -1;
        n++;
    }
    for (let i = n; i < SERIAL_LEN; i++)
        if (buf[o + i] !== 0)
            return -1;
    return n === 0 ? -1 : n;
}
export function sameSerial(buf, o, serial) {
    for (let i = 0; i < SERIAL_LEN; i++)
        if (buf[o + i] !== serial[i])
            return false;
    return true;
}
/**
 * The serial of a header for a log line, whatever the bytes are: rejected frames come from
 * anyone, so nothing unprintable reaches a log.
 */
export function serialForLog(buf, o) {
    let s = '';
    for (let i = 0; i < SERIAL_LEN; i++) {
        const c = buf[o + i];
        if (c === 0)
            break;
        s += isSerialChar(c) ? String.fromCharCode(c) : '?';
    }
    return s;
}
//# sourceMappingURL=header.js.map