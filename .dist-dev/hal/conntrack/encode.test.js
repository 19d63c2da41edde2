/**
 * ctnetlink requests against byte fixtures written out by hand from nfnetlink_conntrack.h, one
 * attribute a line: length (LE u16), type (LE u16, 0x8000 = nested), payload (big-endian).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NLM_F_ACK } from '../netlink.js';
import { NfBatch } from './batch.js';
import { decodeExpectation, decodeSession, newDecodeCounters } from './decode.js';
import { writeCreate, writeDelete, writeExpectationCreate, writeExpectationDelete, writeUpdate } from './encode.js';
import { IPS, PROTO, TCP_FLAG } from './index.js';
import { echo, expectation, manySessions, session, tuple } from './records.fixture.js';
const bytes = (hex) => hex.replace(/#.*$/gm, '').replace(/\s+/g, '');
const written = (b) => Buffer.from(b.bytes.subarray(0, b.length)).toString('hex');
describe('conntrack requests', () => {
    it('create: both tuples, status confirmed/replied/assured, timeout, mark, TCP window tracking', () => {
        const b = new NfBatch(4096);
        const s = session(tuple('198.18.0.1', '198.19.0.1', PROTO.TCP, 1000, 443), { status: 0 });
        assert.equal(writeCreate(b, s, 0x10), true);
        const expected = bytes(`
      c4000000 0001 0106 10000000 00000000  # nlmsghdr: 196 bytes, CT_NEW, REQUEST|EXCL|CREATE, seq 16
      02000000                              # nfgenmsg: AF_INET, v0
      34000180                              # CTA_TUPLE_ORIG
        14000180                            #   CTA_TUPLE_IP
          08000100 c6120001                 #     V4_SRC 198.18.0.1
          08000200 c6130001                 #     V4_DST 198.19.0.1
        1c000280                            #   CTA_TUPLE_PROTO
          05000100 06000000                 #     NUM 6
          06000200 03e80000                 #     SRC_PORT 1000
          06000300 01bb0000                 #     DST_PORT 443
      34000280                              # CTA_TUPLE_REPLY
        14000180 08000100 c6130001 08000200 c6120001
        1c000280 05000100 06000000 06000200 01bb0000 06000300 03e80000
      08000300 0000000e                     # CTA_STATUS SEEN_REPLY|ASSURED|CONFIRMED
      08000700 00000258                     # CTA_TIMEOUT 600
      08000800 00000000                     # CTA_MARK 0
      30000480                              # CTA_PROTOINFO
        2c000180                            #   CTA_PROTOINFO_TCP
          05000100 03000000                 #     STATE ESTABLISHED
          05000200 07000000                 #     WSCALE_ORIGINAL 7
          05000300 07000000                 #     WSCALE_REPLY 7
          06000400 030f0000                 #     FLAGS_ORIGINAL {WINDOW_SCALE|SACK_PERM, mask 0x0f}
          06000500 030f0000                 #     FLAGS_REPLY
    `);
        assert.equal(written(b), expected);
        assert.equal(b.messages, 1);
    });
    it('create of a NAT session: the reply tuple sent un-NATted, the translation as CTA_NAT_SRC, BE_LIBERAL without window data', () => {
        const b = new NfBatch(4096);
        const orig = tuple('198.18.0.1', '198.19.0.1', PROTO.TCP, 1000, 80);
        const s = session(orig, {
            reply: tuple('198.19.0.1', '198.18.255.1', PROTO.TCP, 80, 40000),
            tcp: null,
            timeout: 100,
            mark: 0x42,
        });
        assert.equal(writeCreate(b, s, 0x12), true);
        const expected = bytes(`
      d4000000 0001 0106 12000000 00000000
      02000000
      34000180 14000180 08000100 c6120001 08000200 c6130001
               1c000280 05000100 06000000 06000200 03e80000 06000300 00500000
      34000280                              # CTA_TUPLE_REPLY: 198.19.0.1:80 -> 198.18.0.1:1000
        14000180 08000100 c6130001 08000200 c6120001
        1c000280 05000100 06000000 06000200 00500000 06000300 03e80000
      28000680                              # CTA_NAT_SRC
        08000100 c612ff01                   #   V4_MINIP 198.18.255.1
        08000200 c612ff01                   #   V4_MAXIP
        14000380                            #   CTA_NAT_PROTO
          06000100 9c400000                 #     PORT_MIN 40000
          06000200 9c400000                 #     PORT_MAX
      08000300 0000000e
      08000700 00000064                     # CTA_TIMEOUT 100
      08000800 00000042                     # CTA_MARK 0x42
      18000480 14000180
        06000400 08080000                   # FLAGS_ORIGINAL {BE_LIBERAL, mask BE_LIBERAL}
        06000500 08080000
    `);
        assert.equal(written(b), expected);
    });
    it('update: the original tuple to find the entry, then what may change', () => {
        const b = new NfBatch(4096);
        const s = session(echo('198.18.0.1', '198.18.0.2', 77), { status: IPS.CONFIRMED, timeout: 30 });
        assert.equal(writeUpdate(b, s, 0x13), true);
        const expected = bytes(`
      68000000 0001 0100 13000000 00000000  # CT_NEW, REQUEST only: ENOENT rather than create
      02000000
      3c000180
        14000180 08000100 c6120001 08000200 c6120002
        24000280                            #   CTA_TUPLE_PROTO
          05000100 01000000                 #     NUM 1 (ICMP)
          06000400 004d0000                 #     ICMP_ID 77
          05000500 08000000                 #     ICMP_TYPE 8
          05000600 00000000                 #     ICMP_CODE 0
      08000300 0000000e
      08000700 0000001e
      08000800 00000000
    `);
        assert.equal(written(b), expected);
    });
    it('delete: the original tuple and the zone; IPv6 addresses as 16 bytes', () => {
        const b = new NfBatch(4096);
        assert.equal(writeDelete(b, { family: 6, orig: tuple('2001:db8::1', '2001:db8::2', PROTO.UDP, 5000, 53), zone: 3 }, 0x11), true);
        const expected = bytes(`
      68000000 0201 0100 11000000 00000000  # CT_DELETE
      0a000000                              # AF_INET6
      4c000180
        2c000180
          14000300 20010db8000000000000000000000001
          14000400 20010db8000000000000000000000002
        1c000280 05000100 11000000 06000200 13880000 06000300 00350000
      06001200 00030000                     # CTA_ZONE 3
    `);
        assert.equal(written(b), expected);
    });
    it('a record that cannot be encoded leaves nothing behind, and only the last message asks for an ack', () => {
        const b = new NfBatch(4096);
        assert.equal(writeCreate(b, session(tuple('198.18.0.1', '198.19.0.1', PROTO.UDP, 1, 2)), 1), true);
        const length = b.length;
        assert.equal(writeCreate(b, session(tuple('198.18.0.999', '198.19.0.1', PROTO.UDP, 1, 2)), 2), false);
        assert.equal(writeDelete(b, { family: 6, orig: tuple('2001:db8::1', '198.19.0.1', PROTO.UDP, 1, 2), zone: 0 }, 3), false);
        assert.equal(b.length, length);
        assert.equal(writeCreate(b, session(tuple('198.18.0.1', '198.19.0.2', PROTO.UDP, 1, 2)), 4), true);
        b.ackLast();
        const view = new DataView(b.bytes.buffer);
        assert.equal(b.messages, 2);
        assert.equal(view.getUint16(6, true) & NLM_F_ACK, 0);
        assert.equal(view.getUint16(length + 6, true) & NLM_F_ACK, NLM_F_ACK);
    });
    it('what create writes, a reader decodes back to the record (status as the kernel keeps it)', () => {
        const related = session(tuple('198.18.0.9', '198.18.0.1', PROTO.TCP, 20, 3000), {
            status: IPS.EXPECTED | IPS.SEEN_REPLY,
            master: tuple('198.18.0.1', '198.18.0.9', PROTO.TCP, 2000, 21),
            helper: 'ftp',
            zone: 9,
            tcp: { state: 3, wscaleOrig: 2, wscaleReply: 0, flagsOrig: TCP_FLAG.WINDOW_SCALE, flagsReply: 0 },
        });
        for (const s of [...manySessions(12), related]) {
            const b = new NfBatch(4096);
            assert.ok(writeCreate(b, s, 7));
            const c = newDecodeCounters();
            const back = decodeSession(new DataView(b.bytes.buffer), b.bytes, 0, b.length, c);
            const status = (s.status | IPS.CONFIRMED | IPS.SEEN_REPLY | IPS.ASSURED) & ~IPS.EXPECTED;
            assert.deepEqual(back, { ...s, status }, JSON.stringify(s));
        }
    });
    const ftpData = expectation(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21), tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30001), { fn: 'nat-follow-master', natDir: 0, nat: tuple('0.0.0.0', '0.0.0.0', PROTO.TCP, 30001, 0) });
    it('expectation create: master, tuple, mask, timeout, helper and class, flags, expect function, NAT', () => {
        const b = new NfBatch(4096);
        assert.equal(writeExpectationCreate(b, ftpData, 0x21), true);
        const expected = bytes(`
      28010000 0002 0104 21000000 00000000  # nlmsghdr: 296 bytes, EXP_NEW, REQUEST|CREATE (no EXCL), seq 33
      02000000                              # nfgenmsg: AF_INET
      34000180                              # CTA_EXPECT_MASTER: 198.18.1.10:40000 -> 198.18.2.10:21
        14000180 08000100 c612010a 08000200 c612020a
        1c000280 05000100 06000000 06000200 9c400000 06000300 00150000
      34000280                              # CTA_EXPECT_TUPLE: 198.18.1.10:0 -> 198.18.2.10:30001
        14000180 08000100 c612010a 08000200 c612020a
        1c000280 05000100 06000000 06000200 00000000 06000300 75310000
      34000380                              # CTA_EXPECT_MASK: both addresses, any source port, the destination port
        14000180 08000100 ffffffff 08000200 ffffffff
        1c000280 05000100 06000000 06000200 00000000 06000300 ffff0000
      08000400 0000012c                     # CTA_EXPECT_TIMEOUT 300
      08000600 66747000                     # CTA_EXPECT_HELP_NAME "ftp"
      08000900 00000000                     # CTA_EXPECT_CLASS 0
      08000800 00000000                     # CTA_EXPECT_FLAGS 0
      16000b00 6e61742d666f6c6c6f772d6d6173746572000000  # CTA_EXPECT_FN "nat-follow-master", padded
      40000a80                              # CTA_EXPECT_NAT
        08000100 00000000                   #   DIR original
        34000280                            #   TUPLE: the saved port 30001
          14000180 08000100 00000000 08000200 00000000
          1c000280 05000100 06000000 06000200 75310000 06000300 00000000
    `);
        assert.equal(written(b), expected);
    });
    it('expectation delete: the tuple alone, never an attribute-less delete (which would remove them all)', () => {
        const b = new NfBatch(4096);
        assert.equal(writeExpectationDelete(b, ftpData, 0x22), true);
        const expected = bytes(`
      48000000 0202 0100 22000000 00000000  # EXP_DELETE, REQUEST
      02000000
      34000280
        14000180 08000100 c612010a 08000200 c612020a
        1c000280 05000100 06000000 06000200 00000000 06000300 75310000
    `);
        assert.equal(written(b), expected);
        const length = b.length;
        assert.equal(writeExpectationDelete(b, { family: 4, tuple: tuple('198.18.1.10', '2001:db8::1', PROTO.TCP) }, 0x23), false);
        assert.equal(writeExpectationCreate(b, { ...ftpData, nat: tuple('::', '::', PROTO.TCP, 1, 0) }, 0x24), false);
        assert.equal(b.length, length, 'nothing left of either');
    });
    it('what expectation create writes, a reader decodes back to the record; without a helper no class is sent', () => {
        const plain = { ...ftpData, helper: '', fn: '', nat: null, flags: 0x2 };
        const v6 = expectation(tuple('2001:db8::1', '2001:db8:2::1', PROTO.TCP, 40000, 21), tuple('2001:db8::1', '2001:db8:2::1', PROTO.TCP, 0, 30001));
        for (const e of [ftpData, plain, v6]) {
            const b = new NfBatch(4096);
            assert.ok(writeExpectationCreate(b, e, 7));
            const back = decodeExpectation(new DataView(b.bytes.buffer), b.bytes, 0, b.length, newDecodeCounters());
            assert.deepEqual(back, e, JSON.stringify(e));
        }
    });
});
//# sourceMappingURL=encode.test.js.map