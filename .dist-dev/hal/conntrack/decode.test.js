/**
 * The decoder against messages the kernel sent (kernel-bytes.fixture.ts), against each rung of
 * its ladder, and against mutations of those messages: whatever the bytes, it returns a record
 * or null and counts the null, never throws.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom as random } from '../../lib/seeded-random.testkit.js';
import { decodeExpectation, decodeSession, forEachMessage, newDecodeCounters } from './decode.js';
import { IPS, PROTO, TCP_STATE } from './index.js';
import * as K from './kernel-bytes.fixture.js';
import { echo, expectation, inverted, tuple } from './records.fixture.js';
const fromHex = (hex) => new Uint8Array(Buffer.from(hex, 'hex'));
function session(bytes, c = newDecodeCounters()) {
    return decodeSession(new DataView(bytes.buffer, bytes.byteOffset), bytes, 0, bytes.length, c);
}
function total(c) {
    return c.truncated + c.unknownType + c.badFamily + c.badAttribute + c.badTuple;
}
describe('conntrack messages from the kernel', () => {
    it('a NAT session: both tuples as the kernel keeps them, status, timeout, mark, id, TCP window tracking', () => {
        const s = session(fromHex(K.SNAT_TCP));
        assert.deepEqual(s, {
            family: 4,
            orig: tuple('198.18.0.1', '198.19.0.1', PROTO.TCP, 1000, 80),
            reply: tuple('198.19.0.1', '198.18.255.1', PROTO.TCP, 80, 40000),
            status: IPS.SEEN_REPLY | IPS.ASSURED | IPS.CONFIRMED | IPS.SRC_NAT | IPS.SRC_NAT_DONE | IPS.DST_NAT_DONE,
            timeout: 99,
            mark: 0x42,
            zone: 0,
            id: 0x8fdba37d,
            tcp: { state: TCP_STATE.ESTABLISHED, wscaleOrig: 7, wscaleReply: 6, flagsOrig: 3, flagsReply: 1 },
            helper: '',
            master: null,
            startWallMs: 0,
        });
    });
    it('IPv6 with a zone; ICMP with its id, type and code', () => {
        const udp = session(fromHex(K.UDP6_ZONE));
        assert.equal(udp?.family, 6);
        assert.deepEqual(udp?.orig, tuple('2001:db8::1', '2001:db8::2', PROTO.UDP, 5000, 53));
        assert.deepEqual([udp?.zone, udp?.mark, udp?.tcp], [3, 7, null]);
        const icmp = session(fromHex(K.ICMP_ECHO));
        const orig = echo('198.18.0.1', '198.18.0.2', 77);
        assert.deepEqual([icmp?.orig, icmp?.reply], [orig, inverted(orig)]);
    });
    it('a helper, and a related session with its master', () => {
        assert.equal(session(fromHex(K.FTP_CONTROL))?.helper, 'ftp');
        const data = session(fromHex(K.FTP_DATA));
        assert.equal((data?.status ?? 0) & IPS.EXPECTED, IPS.EXPECTED);
        assert.deepEqual(data?.master, tuple('198.18.0.1', '198.18.0.9', PROTO.TCP, 2000, 21));
    });
    it('a destroy event: the same attributes, the status marked DYING', () => {
        const s = session(fromHex(K.DESTROY_EVENT));
        assert.deepEqual(s?.orig, echo('198.18.0.1', '198.18.0.2', 77));
        assert.equal((s?.status ?? 0) & IPS.DYING, IPS.DYING);
    });
    it("with the kernel's timestamps on: a dump and a destroy event carry the start in wall-clock ms, a new event none", () => {
        const startMs = Number(K.STAMPED_START_NS) / 1e6;
        const dumped = session(fromHex(K.STAMPED_DUMP));
        assert.ok(dumped);
        const { startWallMs, ...rest } = dumped;
        assert.ok(Math.abs(startWallMs - startMs) < 1e-3, `${startWallMs} ms, the kernel said ${startMs}`);
        assert.deepEqual(rest, {
            family: 4,
            orig: tuple('198.18.0.1', '198.18.0.2', PROTO.UDP, 5000, 53),
            reply: tuple('198.18.0.2', '198.18.0.1', PROTO.UDP, 53, 5000),
            status: IPS.CONFIRMED,
            timeout: 29,
            mark: 0,
            zone: 0,
            id: 0xc0bb7750,
            tcp: null,
            helper: '',
            master: null,
        });
        const destroyed = session(fromHex(K.STAMPED_DESTROY_EVENT));
        assert.equal(destroyed?.startWallMs, startWallMs, 'the start, not the stop');
        const opened = session(fromHex(K.STAMPED_NEW_EVENT));
        assert.deepEqual(opened?.orig, rest.orig);
        assert.equal(opened?.startWallMs, 0);
    });
    it('an expectation: master, expected tuple and mask, timeout, helper', () => {
        const bytes = fromHex(K.EXPECTATION);
        const e = decodeExpectation(new DataView(bytes.buffer), bytes, 0, bytes.length, newDecodeCounters());
        const master = tuple('198.18.0.1', '198.18.0.1', PROTO.TCP, 41886, 21);
        assert.deepEqual(e, expectation(master, tuple('198.18.0.1', '198.18.0.1', PROTO.TCP, 0, 10000), { id: 0x67554098 }));
    });
    it('splits a datagram into its messages and counts a header that runs past the end', () => {
        const a = fromHex(K.ICMP_ECHO);
        const done = fromHex(K.DUMP_DONE);
        const datagram = new Uint8Array(a.length + done.length + 8);
        datagram.set(a);
        datagram.set(done, a.length);
        new DataView(datagram.buffer).setUint32(a.length + done.length, 64, true);
        const seen = [];
        const c = newDecodeCounters();
        forEachMessage(new DataView(datagram.buffer), datagram.length, c, (_off, _len, type) => seen.push(type));
        assert.deepEqual(seen, [0x100, 3]);
        assert.equal(c.truncated, 1);
    });
});
describe('conntrack decoder ladder', () => {
    /** A fixture (SNAT's unless named) changed by `edit` (which may return a new buffer), decoded: the counter it bumped, or 'decoded'. */
    function rung(edit, hex = K.SNAT_TCP) {
        const original = fromHex(hex);
        const bytes = edit(original, new DataView(original.buffer)) ?? original;
        const c = newDecodeCounters();
        const s = session(bytes, c);
        const bumped = Object.entries(c).filter(([, n]) => n > 0);
        assert.ok(s === null ? bumped.length === 1 : bumped.length === 0, JSON.stringify(c));
        return s === null ? (bumped[0]?.[0] ?? '') : 'decoded';
    }
    const ORIG = 20;
    const ORIG_IP = ORIG + 4;
    const ORIG_SRC = ORIG_IP + 4;
    /** The message with one more attribute (type, 4-byte payload) at its end. */
    const appended = (b, type) => {
        const longer = new Uint8Array(b.length + 8);
        longer.set(b);
        const v = new DataView(longer.buffer);
        v.setUint32(0, longer.length, true);
        v.setUint16(b.length, 8, true);
        v.setUint16(b.length + 2, type, true);
        return longer;
    };
    it('a message too short for its nfgenmsg', () => assert.equal(rung((b) => b.slice(0, 18)), 'truncated'));
    it('a family other than IPv4 or IPv6', () => assert.equal(rung((b) => void (b[16] = 7)), 'badFamily'));
    it('an attribute shorter than its header', () => assert.equal(rung((_b, v) => void v.setUint16(ORIG, 2, true)), 'badAttribute'));
    it('an attribute running past its parent', () => assert.equal(rung((_b, v) => void v.setUint16(ORIG_SRC, 0x30, true)), 'badAttribute'));
    it('a status too short', () => assert.equal(rung((b) => appended(b, 3).slice(0, b.length + 6)), 'badAttribute'));
    it('an address of the wrong family', () => assert.equal(rung((b) => void (b[16] = 10)), 'badTuple'));
    it('an address too short', () => assert.equal(rung((_b, v) => void v.setUint16(ORIG_SRC, 6, true)), 'badTuple'));
    it('a tuple without addresses', () => assert.equal(rung((b) => void (b[ORIG_IP + 2] = 0x7e)), 'badTuple'));
    it('no original tuple', () => assert.equal(rung((b) => void (b[ORIG + 2] = 0x7f)), 'badTuple'));
    // STAMPED_DUMP ends with CTA_TIMESTAMP: a 16-byte nest holding the 12-byte start.
    it('a start timestamp too short', () => assert.equal(rung((b) => {
        const short = b.slice(0, b.length - 4);
        const v = new DataView(short.buffer);
        v.setUint32(0, short.length, true);
        v.setUint16(short.length - 12, 12, true);
        v.setUint16(short.length - 8, 8, true);
        return short;
    }, K.STAMPED_DUMP), 'badAttribute'));
    it('a timestamp nest without its start: no start time', () => {
        assert.equal(rung((b) => void (b[b.length - 10] = 2), K.STAMPED_DUMP), 'decoded');
        const bytes = fromHex(K.STAMPED_DUMP);
        bytes[bytes.length - 10] = 2;
        assert.equal(session(bytes)?.startWallMs, 0);
    });
    it('an attribute type this header does not know is stepped over', () => assert.equal(rung((b) => appended(b, 0x7d)), 'decoded'));
});
describe('conntrack decoder under mutation', () => {
    const fixtures = [
        K.SNAT_TCP,
        K.UDP6_ZONE,
        K.ICMP_ECHO,
        K.FTP_CONTROL,
        K.FTP_DATA,
        K.DESTROY_EVENT,
        K.STAMPED_DUMP,
        K.STAMPED_DESTROY_EVENT,
        K.EXPECTATION,
    ].map(fromHex);
    it('every truncation and 20000 random byte changes: a record or a counted null, never a throw', () => {
        const next = random(0x7a4d3c21);
        for (const [index, original] of fixtures.entries()) {
            const decode = index === fixtures.length - 1 ? decodeExpectation : decodeSession;
            const variants = [];
            for (let len = 1; len < original.length; len++)
                variants.push(original.slice(0, len));
            for (let i = 0; i < 3000; i++) {
                const bytes = original.slice();
                for (let flips = 1 + Math.floor(next() * 4); flips > 0; flips--) {
                    bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
                }
                variants.push(bytes);
            }
            for (const bytes of variants) {
                const c = newDecodeCounters();
                const view = new DataView(bytes.buffer);
                let framed = 0;
                forEachMessage(view, bytes.length, c, (off, len) => {
                    framed++;
                    const before = total(c);
                    const record = decode(view, bytes, off, len, c);
                    assert.ok(record !== null || total(c) === before + 1, 'a message not decoded is counted once');
                });
                assert.ok(framed > 0 || c.truncated === 1, 'a datagram that frames no message is counted');
            }
        }
    });
});
//# sourceMappingURL=decode.test.js.map