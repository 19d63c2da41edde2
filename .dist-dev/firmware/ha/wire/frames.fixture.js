export const FIXTURE_SERIAL = 'TDSIM00000000001';
export const FIXTURE_GROUP_ID = 7;
export const FIXTURE_BOOT_ID = 0x01020304;
export const FIXTURE_PASSWORD = 'rig-secret';
export const FIXTURE_ADVERT = {
    firmware: '1.0.0',
    model: 'TANDEM-SIM',
    groupName: 'rig',
    mode: 'a-p',
    hostname: 'tandem-a',
    state: 'work',
    priority: 200,
    override: false,
    ageS: 3600,
    monitorUp: 2,
    monitorTotal: 2,
    failover: false,
    hbIntervalMs: 200,
    lostThreshold: 6,
    primary: 'TDSIM00000000001',
    sessionsReady: true,
};
/** Header of the clear fixture: "TD", 1.1, heartbeat, no flags, group 7, serial, boot id, seq 1, 118-byte body. */
export const FIXTURE_HEADER_HEX = '5444' + '01' + '01' + '01' + '00' + '0007' + '544453494d3030303030303030303031' + '01020304' + '00000001' + '0076' + '0000';
/** The 1.0 fields of the body, in body.ts table order. */
const BODY_V10_PAIRS_HEX = '62667765312e302e30' + // fw "1.0.0"
    '626d6f6a54414e44454d2d53494d' + // mo "TANDEM-SIM"
    '62676e63726967' + // gn "rig"
    '62686d63612d70' + // hm "a-p"
    '62686e6874616e64656d2d61' + // hn "tandem-a"
    '62737464776f726b' + // st "work"
    '62707218c8' + // pr 200
    '626f76f4' + // ov false
    '626167190e10' + // ag 3600
    '626d7502' + // mu 2
    '626d7402' + // mt 2
    '62666ff4' + // fo false
    '62686918c8' + // hi 200
    '626c7406' + // lt 6
    '62707070544453494d3030303030303030303031'; // pp "TDSIM00000000001"
/** CBOR map of 16 pairs: the 1.0 fields, then sr (1.1). */
export const FIXTURE_BODY_HEX = `b0${BODY_V10_PAIRS_HEX}${'627372f5'}`; // sr true
export const FIXTURE_CLEAR_HEX = `${FIXTURE_HEADER_HEX}${FIXTURE_BODY_HEX}80a1cb867eba14c2640f39cb4f2066f7`;
/** Same advert with encryption: flags 0x01, body is AES-256-GCM ciphertext, tag the GCM tag. */
export const FIXTURE_ENCRYPTED_HEX = '5444010101010007544453494d3030303030303030303031010203040000000100760000' +
    '5a9a0f4cd3c98945e5ac27aaa7c0f9cd0d91c51b700b0e2986e350595ac2b3a0d47f3fe2dd5bbc987b894f3ba8a5685c' +
    '219b09b2a9b1acb660058db14cf8dcdabb43a8c2aacb7d252dbc628e84a790814c5e3f1d40297240449875b707aa8e32' +
    '53522dbbaa516f74018e1fad82c0a7005ea6500c84ad' +
    '1c53aceff957f27ab3db06b324dc6ce8';
/** The same advert as a 1.0 sender sends it (15 pairs, no sr), clear, as the 1.0 fixture was. */
export const FIXTURE_V10_CLEAR_HEX = '5444010001000007544453494d3030303030303030303031010203040000000100720000' +
    `af${BODY_V10_PAIRS_HEX}` +
    '9fb47e80dc4919748376b2a9f5285125';
export function hex(s) {
    return new Uint8Array(Buffer.from(s, 'hex'));
}
export function toHex(b) {
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}
//# sourceMappingURL=frames.fixture.js.map