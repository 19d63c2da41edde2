import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IPS, PROTO } from '../../hal/conntrack/index.js';
import { echo, expectation, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { expectationVerdict, pickupVerdict } from './pickup.js';
const all = { tcp: true, connectionless: true, expectation: true, nat: true, delay: false };
const local = new Set(['198.18.1.1', '198.18.2.1']);
const tcp = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 443));
const udp = session(tuple('198.18.1.10', '198.18.2.10', PROTO.UDP, 40000, 53));
test('FortiOS pickup: TCP with session-pickup, UDP and ICMP only with -connectionless, other protocols never', () => {
    assert.equal(pickupVerdict({ ...all, tcp: false }, tcp, local), 'off');
    assert.equal(pickupVerdict(all, tcp, local), 'sync');
    assert.equal(pickupVerdict({ ...all, connectionless: false }, tcp, local), 'sync');
    assert.equal(pickupVerdict({ ...all, connectionless: false }, udp, local), 'connectionless');
    assert.equal(pickupVerdict(all, udp, local), 'sync');
    assert.equal(pickupVerdict(all, session(echo('198.18.1.10', '198.18.2.10', 9)), local), 'sync');
    assert.equal(pickupVerdict(all, session(tuple('198.18.1.10', '198.18.2.10', 47)), local), 'protocol');
});
test('NAT and expected sessions need their options', () => {
    const nat = { ...tcp, status: tcp.status | IPS.SRC_NAT };
    assert.equal(pickupVerdict({ ...all, nat: false }, nat, local), 'nat');
    assert.equal(pickupVerdict(all, nat, local), 'sync');
    const expected = { ...tcp, status: tcp.status | IPS.EXPECTED };
    assert.equal(pickupVerdict({ ...all, expectation: false }, expected, local), 'expectation');
    assert.equal(pickupVerdict(all, expected, local), 'sync');
});
test('sessions that end on the unit are its own, except a port forward through it', () => {
    const toUnit = session(tuple('198.18.1.10', '198.18.1.1', PROTO.TCP, 40000, 22));
    const fromUnit = session(tuple('198.18.2.1', '198.18.2.10', PROTO.UDP, 40000, 53));
    assert.equal(pickupVerdict(all, toUnit, local), 'local');
    assert.equal(pickupVerdict(all, fromUnit, local), 'local');
    const forwarded = {
        ...toUnit,
        status: toUnit.status | IPS.DST_NAT,
        reply: tuple('198.18.1.20', '198.18.1.10', PROTO.TCP, 22, 40000),
    };
    assert.equal(pickupVerdict(all, forwarded, local), 'sync');
});
test('expectations go with -expectation, only of a master that is synced itself', () => {
    const control = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21);
    const data = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30001);
    const e = expectation(control, data);
    assert.equal(expectationVerdict(all, e, local), 'sync');
    assert.equal(expectationVerdict({ ...all, tcp: false }, e, local), 'off');
    assert.equal(expectationVerdict({ ...all, expectation: false }, e, local), 'expectation');
    const natted = { ...e, natDir: 0, nat: tuple('0.0.0.0', '0.0.0.0', PROTO.TCP, 30001, 0) };
    assert.equal(expectationVerdict({ ...all, nat: false }, natted, local), 'nat');
    assert.equal(expectationVerdict(all, natted, local), 'sync');
    const tftp = expectation(tuple('198.18.1.10', '198.18.2.10', PROTO.UDP, 40000, 69), { ...data, proto: PROTO.UDP });
    assert.equal(expectationVerdict({ ...all, connectionless: false }, tftp, local), 'connectionless');
    assert.equal(expectationVerdict(all, tftp, local), 'sync');
    const gre = expectation(tuple('198.18.1.10', '198.18.2.10', 47), { ...data, proto: 47 });
    assert.equal(expectationVerdict(all, gre, local), 'protocol');
    const toUnit = expectation(tuple('198.18.1.10', '198.18.1.1', PROTO.TCP, 40000, 21), data);
    assert.equal(expectationVerdict(all, toUnit, local), 'local');
    assert.equal(expectationVerdict(all, { ...toUnit, nat: natted.nat }, local), 'sync', 'a port forward through the unit');
});
//# sourceMappingURL=pickup.test.js.map