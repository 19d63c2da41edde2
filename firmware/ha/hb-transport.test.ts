/** The source MAC of HA frames on a port (beacons, session sync): never the cluster's virtual MAC. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { formatMac } from '../../lib/ethernet.js';
import { unitPortMac } from '../takeover/plan.js';
import { type HaPortState, openHaPort } from './hb-transport.js';

const SERIAL = 'TDSIM00000000001';
const VIRTUAL = Uint8Array.of(0x02, 0x54, 0x44, 0x07, 0x00, 0x01);
const OWN = Uint8Array.of(0x02, 0x00, 0x00, 0x00, 0x00, 0x09);

function sentFrom(mac: Uint8Array, serial = SERIAL): string {
  const nic = new FakeNic(new FakeClockDevice());
  nic.addLink('port2', { mac });
  const port: HaPortState = { ifname: 'port2', up: false, carrier: false, transport: null };
  assert.equal(openHaPort(nic, port, serial), null);
  const buf = new Uint8Array(64);
  port.transport?.send(buf, buf.length);
  const frame = nic.sentOn('port2').at(-1);
  assert.ok(frame, 'a frame went out');
  return formatMac(frame.subarray(6, 12));
}

test("a port opened holding a virtual MAC sends from the unit's own MAC for it, made from the serial", () => {
  const source = sentFrom(VIRTUAL);
  assert.equal(source, formatMac(unitPortMac(SERIAL, 'port2')));
  assert.notEqual(source, formatMac(VIRTUAL));
});

test('a port opened with its own MAC sends from it', () => {
  assert.equal(sentFrom(OWN), formatMac(OWN));
});

test("the unit's MAC for a port is stable per serial and port, and unique per board", () => {
  assert.deepEqual(unitPortMac(SERIAL, 'port2'), unitPortMac(SERIAL, 'port2'));
  assert.notDeepEqual(unitPortMac(SERIAL, 'port2'), unitPortMac('TDSIM00000000002', 'port2'));
  assert.notDeepEqual(unitPortMac(SERIAL, 'port2'), unitPortMac(SERIAL, 'port3'));
});
