/**
 * Control frames sealed outside any ControlSeal, with node:crypto and the HKDF of the tests
 * (raw-frames.testkit.ts), so the tests check the link against the format itself: any serial,
 * group, boot id, sequence, frame type, flags and body.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { CONTROL_FRAME_TYPE } from '../ha/wire/header.js';
import { hkdfSha256, rawHeader } from '../ha/wire/raw-frames.testkit.js';
/** Header, AES-256-GCM body (key HKDF info ctl-enc) and tag, as the wire has them. */
export function sealControlRaw(f) {
    const header = rawHeader({
        body: f.body,
        type: f.type ?? CONTROL_FRAME_TYPE,
        flags: 1,
        groupId: f.groupId ?? 7,
        serial: f.serial,
        bootId: f.bootId ?? 1,
        seq: f.seq ?? 1,
        minor: 1,
    });
    const nonce = Buffer.concat([createHash('sha256').update(f.serial).digest().subarray(0, 4), header.subarray(24, 32)]);
    const cipher = createCipheriv('aes-256-gcm', hkdfSha256(f.password ?? 'secret', 'tandem-ha/1', 'ctl-enc'), nonce);
    cipher.setAAD(header);
    const ct = Buffer.concat([cipher.update(f.body), cipher.final()]);
    return new Uint8Array(Buffer.concat([header, ct, cipher.getAuthTag()]));
}
//# sourceMappingURL=control-frames.testkit.js.map