import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ECHO_REQUEST_BYTES, encodeEchoRequest, internetChecksum, parseEchoReply } from './echo-packet.js';
const hex = (s) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
test('internet checksum: the RFC 1071 example, odd lengths, and a packet that checks to zero', () => {
    // RFC 1071 section 3: 0001 f203 f4f5 f6f7 sums to ddf2; the checksum is its complement.
    assert.equal(internetChecksum(hex('0001f203f4f5f6f7'), 0, 8), 0x220d);
    // An odd trailing byte counts as its high half: ddf2 + ff00 folds to dcf3.
    assert.equal(internetChecksum(hex('0001f203f4f5f6f7ff'), 0, 9), 0x230c);
    const req = new Uint8Array(ECHO_REQUEST_BYTES);
    encodeEchoRequest(req, 1, 2, 0);
    assert.equal(internetChecksum(req, 0, ECHO_REQUEST_BYTES), 0);
});
test('echo request: type 8, code 0, id and seq big-endian, send time, 64 bytes like ping', () => {
    const req = new Uint8Array(ECHO_REQUEST_BYTES);
    assert.equal(encodeEchoRequest(req, 0x5101, 0x0203, 1_700_000_000_123.5), 64);
    assert.deepEqual([...req.subarray(0, 2)], [8, 0]);
    assert.deepEqual([...req.subarray(4, 8)], [0x51, 0x01, 0x02, 0x03]);
    assert.equal(new DataView(req.buffer).getFloat64(8), 1_700_000_000_123.5);
    assert.deepEqual([...req.subarray(16, 20)], [16, 17, 18, 19]);
    encodeEchoRequest(req, 0x15101, 0x10203, 0);
    assert.deepEqual([...req.subarray(4, 8)], [0x51, 0x01, 0x02, 0x03], 'id and seq wrap to 16 bits');
});
/** An IPv4 header (20 bytes, or `ihl` words) from `from`, protocol ICMP, then `icmp`. */
function ipPacket(from, icmp, ihl = 5, proto = 1) {
    const p = new Uint8Array(ihl * 4 + icmp.length);
    p[0] = 0x40 | ihl;
    p[9] = proto;
    p.set(from, 12);
    p.set([198, 18, 60, 1], 16);
    p.set(icmp, ihl * 4);
    return p;
}
function reply(id, seq, sentMs) {
    const icmp = new Uint8Array(ECHO_REQUEST_BYTES);
    encodeEchoRequest(icmp, id, seq, sentMs);
    // A reply is the request with type 0: fix the checksum the way the answering host does.
    icmp[0] = 0;
    icmp[2] = 0;
    icmp[3] = 0;
    const sum = internetChecksum(icmp, 0, icmp.length);
    icmp[2] = sum >> 8;
    icmp[3] = sum & 0xff;
    return icmp;
}
test('echo reply: sender, seq and send time read past the IP header, options included', () => {
    const icmp = reply(0x5101, 7, 1234.25);
    const plain = ipPacket([198, 18, 62, 1], icmp);
    assert.deepEqual(parseEchoReply(plain, plain.length, 0x5101), {
        ok: true,
        from: '198.18.62.1',
        seq: 7,
        sentRealtimeMs: 1234.25,
    });
    const withOptions = ipPacket([198, 18, 62, 1], icmp, 6);
    assert.deepEqual(parseEchoReply(withOptions, withOptions.length, 0x5101), {
        ok: true,
        from: '198.18.62.1',
        seq: 7,
        sentRealtimeMs: 1234.25,
    });
});
test('echo reply: each rejection is named, never thrown', () => {
    const good = ipPacket([198, 18, 62, 1], reply(0x5101, 1, 0));
    const reason = (p, length = p.length, id = 0x5101) => {
        const r = parseEchoReply(p, length, id);
        return r.ok ? 'accepted' : r.reason;
    };
    assert.equal(reason(good), 'accepted');
    assert.equal(reason(good, 19), 'truncated');
    assert.equal(reason(good, 27), 'truncated');
    assert.equal(reason(ipPacket([198, 18, 62, 1], reply(0x5101, 1, 0), 5, 6)), 'notIpv4Icmp');
    const v6 = good.slice();
    v6[0] = 0x65;
    assert.equal(reason(v6), 'notIpv4Icmp');
    const request = good.slice();
    request[20] = 8;
    assert.equal(reason(request), 'notEchoReply');
    const corrupt = good.slice();
    corrupt[40] ^= 0xff;
    assert.equal(reason(corrupt), 'badChecksum');
    assert.equal(reason(good, good.length, 0x5102), 'otherId');
    assert.equal(reason(good, good.length - 1), 'badChecksum');
});
//# sourceMappingURL=echo-packet.test.js.map