import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IPS, PROTO } from '../../hal/conntrack/index.js';
import { echo, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { type PickupSettings, pickupVerdict } from './pickup.js';

const all: PickupSettings = { tcp: true, connectionless: true, expectation: true, nat: true, delay: false };
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
