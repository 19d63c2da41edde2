import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IPS, PROTO, TCP_STATE } from '../../../hal/conntrack/index.js';
import { ESTABLISHED, echo, session, tuple } from '../../../hal/conntrack/records.fixture.js';
import { SYNCED_MARK } from '../../sessions/applier.js';
import { renderSessionList, sessionEntry } from './session-list.js';
const NAT = IPS.SRC_NAT | IPS.DST_NAT | IPS.SRC_NAT_DONE | IPS.DST_NAT_DONE;
const REPLIED = IPS.SEEN_REPLY | IPS.ASSURED | IPS.CONFIRMED;
test('a forwarded TCP session without NAT, synced from the primary', () => {
    const s = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 443), {
        timeout: 863_999,
        mark: SYNCED_MARK,
        id: 42,
    });
    assert.equal(sessionEntry(s), 'session info: proto=6 proto_state=01 expire=863999 mark=80000000\n' +
        'state=synced seen_reply assured confirmed\n' +
        'hook=pre dir=org act=noop 198.18.1.10:40000->198.18.2.10:443(0.0.0.0:0)\n' +
        'hook=post dir=reply act=noop 198.18.2.10:443->198.18.1.10:40000(0.0.0.0:0)\n' +
        'serial=0000002a\n');
});
test('source NAT (an ippool or masquerade): FortiOS snat and dnat hook lines', () => {
    const orig = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 443);
    const s = session(orig, {
        reply: tuple('198.18.2.10', '198.18.2.1', PROTO.TCP, 443, 61000),
        status: REPLIED | IPS.SRC_NAT | IPS.SRC_NAT_DONE,
    });
    const lines = sessionEntry(s).split('\n');
    assert.equal(lines[1], 'state=seen_reply assured confirmed src_nat');
    assert.deepEqual(lines.slice(2, 4), [
        'hook=post dir=org act=snat 198.18.1.10:40000->198.18.2.10:443(198.18.2.1:61000)',
        'hook=pre dir=reply act=dnat 198.18.2.10:443->198.18.2.1:61000(198.18.1.10:40000)',
    ]);
});
test('destination NAT (a port forward) and both at once', () => {
    const orig = tuple('198.18.2.10', '198.18.2.1', PROTO.TCP, 50000, 8080);
    const dnat = session(orig, {
        reply: tuple('198.18.1.20', '198.18.2.10', PROTO.TCP, 80, 50000),
        status: REPLIED | IPS.DST_NAT | IPS.DST_NAT_DONE,
    });
    assert.deepEqual(sessionEntry(dnat).split('\n').slice(2, 4), [
        'hook=pre dir=org act=dnat 198.18.2.10:50000->198.18.2.1:8080(198.18.1.20:80)',
        'hook=post dir=reply act=snat 198.18.1.20:80->198.18.2.10:50000(198.18.2.1:8080)',
    ]);
    const both = session(orig, { reply: tuple('198.18.1.20', '198.18.1.1', PROTO.TCP, 80, 62000), status: REPLIED | NAT });
    assert.deepEqual(sessionEntry(both).split('\n').slice(2, 6), [
        'hook=pre dir=org act=dnat 198.18.2.10:50000->198.18.2.1:8080(198.18.1.20:80)',
        'hook=post dir=org act=snat 198.18.2.10:50000->198.18.1.20:80(198.18.1.1:62000)',
        'hook=pre dir=reply act=dnat 198.18.1.20:80->198.18.1.1:62000(198.18.2.10:50000)',
        'hook=post dir=reply act=snat 198.18.1.20:80->198.18.2.10:50000(198.18.2.1:8080)',
    ]);
});
test('proto_state: TCP states as FortiOS numbers them, UDP reply seen or not, 00 otherwise', () => {
    const state = (s) => /proto_state=(\d\d)/.exec(sessionEntry(s))?.[1];
    const tcp = (st) => session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 1, 2), { tcp: { ...ESTABLISHED, state: st } });
    assert.equal(state(tcp(TCP_STATE.ESTABLISHED)), '01');
    assert.equal(state(tcp(TCP_STATE.SYN_SENT)), '02');
    assert.equal(state(tcp(TCP_STATE.SYN_RECV)), '03');
    assert.equal(state(tcp(TCP_STATE.FIN_WAIT)), '04');
    assert.equal(state(tcp(TCP_STATE.TIME_WAIT)), '05');
    assert.equal(state(tcp(TCP_STATE.CLOSE)), '06');
    assert.equal(state(tcp(TCP_STATE.CLOSE_WAIT)), '07');
    assert.equal(state(tcp(TCP_STATE.LAST_ACK)), '08');
    assert.equal(state(session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 1, 2), { tcp: null })), '00');
    const udp = tuple('198.18.1.10', '198.18.2.53', PROTO.UDP, 53001, 53);
    assert.equal(state(session(udp)), '01');
    assert.equal(state(session(udp, { status: IPS.CONFIRMED })), '00');
    assert.equal(state(session(echo('198.18.1.10', '198.18.2.10', 77))), '00');
});
test('ICMP shows the echo id and type where ports go; IPv6 in brackets; zone, helper and master when set', () => {
    const ping = sessionEntry(session(echo('198.18.1.10', '198.18.2.10', 77)));
    assert.match(ping, /^hook=pre dir=org act=noop 198\.18\.1\.10:77->198\.18\.2\.10:8\(0\.0\.0\.0:0\)$/m);
    assert.match(ping, /^hook=post dir=reply act=noop 198\.18\.2\.10:77->198\.18\.1\.10:0\(0\.0\.0\.0:0\)$/m);
    const v6 = sessionEntry(session(tuple('2001:db8:1::10', '2001:db8:2::10', PROTO.UDP, 40000, 53), { zone: 3 }));
    assert.match(v6, /^session info: proto=17 proto_state=01 expire=600 mark=00000000 zone=3$/m);
    assert.match(v6, /^hook=pre dir=org act=noop \[2001:db8:1::10\]:40000->\[2001:db8:2::10\]:53\(\[::\]:0\)$/m);
    const control = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21);
    const data = session(tuple('198.18.2.10', '198.18.1.10', PROTO.TCP, 20, 50000), {
        status: REPLIED | IPS.EXPECTED,
        helper: 'ftp',
        master: control,
    });
    const out = sessionEntry(data);
    assert.match(out, /^session info: proto=6 proto_state=01 expire=600 mark=00000000 helper=ftp$/m);
    assert.match(out, /^state=expected seen_reply assured confirmed$/m);
    assert.match(out, /^master=198\.18\.1\.10:40000->198\.18\.2\.10:21$/m);
});
test('the listing: entries separated by a blank line, the total, and what the limit left out', () => {
    const a = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 443));
    const b = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40001, 443));
    const full = renderSessionList({ sessions: [a, b], matched: 2 }, 1000);
    assert.equal(full, `${sessionEntry(a)}\n${sessionEntry(b)}\ntotal session 2\n`);
    assert.equal(renderSessionList({ sessions: [], matched: 0 }, 1000), 'total session 0\n');
    const cut = renderSessionList({ sessions: [a], matched: 1234 }, 1);
    assert.ok(cut.endsWith('total session 1234\n(Tandem) listed the first 1; 1233 more match: narrow them with diagnose sys session filter\n'), cut);
});
//# sourceMappingURL=session-list.test.js.map