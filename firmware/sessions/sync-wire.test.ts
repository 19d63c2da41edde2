/**
 * Sync frames on the wire: SyncLink seals bodies with the sync keys (firmware/ha/wire/keys.ts
 * deriveSyncKeys) onto a sync port, and the receiving SyncLink opens them by the heartbeats'
 * ladder (opener.ts), each refusal counted under its reason: heartbeat keys (badAuth), a replay,
 * a frame type of another channel, another group, our own frames looped back, a clear frame
 * where encryption is on, a cut frame, and a body that is not a sync body.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { ETH_HEADER_LEN, writeEthernetHeader } from '../../lib/ethernet.js';
import { HA_MAX_PAYLOAD } from '../ha/wire/header.js';
import { deriveKeys, deriveSyncKeys, type HaKeys } from '../ha/wire/keys.js';
import { emptyCounters, FrameOpener } from '../ha/wire/opener.js';
import { FrameSealer } from '../ha/wire/sealer.js';
import { encodeAck, SYNC_FRAME_TYPE, type SyncBody } from './sync-frames.js';
import { SyncLink } from './sync-link.js';
import { memoryLog } from './sync-net.testkit.js';
import { SYNC_CHANNEL, SyncPorts } from './sync-ports.js';

const PASSWORD = 'secret';
const GROUP = 7;
const B = 'TDSIM00000000002';
const ACK_FIELDS = { epoch: 9, cumulative: 4, sack: [], dup: -1, resync: false };
const ACK = encodeAck(ACK_FIELDS);

interface Unit {
  nic: FakeNic;
  link: SyncLink;
  ports: SyncPorts;
}

function unit(clock: FakeClockDevice, serial: string, encryption: boolean): Unit {
  const nic = new FakeNic(clock);
  nic.addLink('p3');
  const ports = new SyncPorts(nic, memoryLog([], serial));
  ports.open({ dedicated: [{ name: 'port3', ifname: 'p3' }], fallback: [], unicastPeer: null });
  const keys = deriveSyncKeys(PASSWORD);
  const common = { groupId: GROUP, keys, encryption };
  const link = new SyncLink(
    ports,
    new FrameSealer({ ...common, serial, bootId: 1, nextBootId: () => 2 }),
    new FrameOpener({ ...common, ownSerial: serial, accepts: (t) => t === SYNC_FRAME_TYPE }),
  );
  return { nic, link, ports };
}

/** A frame sealed outside any SyncLink: another serial, group, type, key or encryption setting. */
function rawFrame(o: { serial: string; keys?: HaKeys; groupId?: number; type?: number; encryption?: boolean }, body: Uint8Array) {
  const sealer = new FrameSealer({
    serial: o.serial,
    groupId: o.groupId ?? GROUP,
    keys: o.keys ?? deriveSyncKeys(PASSWORD),
    encryption: o.encryption ?? false,
    bootId: 1,
    nextBootId: () => 2,
  });
  const buf = new Uint8Array(ETH_HEADER_LEN + HA_MAX_PAYLOAD);
  writeEthernetHeader(buf, SYNC_CHANNEL.group, Uint8Array.of(2, 0, 0, 0, 0, 9), SYNC_CHANNEL.ethertype);
  return buf.slice(0, sealer.seal(o.type ?? SYNC_FRAME_TYPE, body, buf, ETH_HEADER_LEN));
}

function drain(u: Unit): { serial: string; body: SyncBody }[] {
  const got: { serial: string; body: SyncBody }[] = [];
  for (const port of u.ports.ports) u.link.drain(port, (serial, body) => got.push({ serial, body }));
  return got;
}

for (const encryption of [false, true]) {
  test(`sync frames ${encryption ? 'encrypted' : 'in the clear'}: accepted from the peer, every refusal counted`, () => {
    const clock = new FakeClockDevice();
    const a = unit(clock, 'TDSIM00000000001', encryption);
    const b = unit(clock, B, encryption);
    assert.equal(a.link.send(ACK, 0), true);
    assert.equal(a.link.send(ACK, 1), true);
    const [first, second] = a.nic.rawPorts[0]?.sent ?? [];
    assert.ok(first && second);
    const deliver = (frame: Uint8Array) => b.nic.deliver('p3', frame);

    deliver(first);
    assert.deepEqual(drain(b), [{ serial: 'TDSIM00000000001', body: { kind: 2, ...ACK_FIELDS } }]);
    deliver(first); // replayed
    deliver(rawFrame({ serial: 'TDSIM00000000003', keys: deriveKeys(PASSWORD), encryption }, ACK)); // heartbeat keys
    deliver(rawFrame({ serial: 'TDSIM00000000004', type: 1, encryption }, ACK)); // a heartbeat's frame type
    deliver(rawFrame({ serial: 'TDSIM00000000005', groupId: GROUP + 1, encryption }, ACK)); // another cluster
    deliver(rawFrame({ serial: B, encryption }, ACK)); // our own, looped back
    deliver(rawFrame({ serial: 'TDSIM00000000006', encryption: !encryption }, ACK)); // the other encryption setting
    deliver(second.slice(0, second.length - 3)); // cut short
    deliver(rawFrame({ serial: 'TDSIM00000000007', encryption }, Uint8Array.of(0x82, 0x09, 0x00))); // not a sync body
    assert.deepEqual(drain(b), []);
    assert.deepEqual(b.link.opener.counters, {
      ...emptyCounters(),
      replayed: 1,
      badAuth: 2,
      malformedBody: 2,
      wrongGroup: 1,
      looped: 1,
      badLength: 1,
    });
    // A refused body moved no replay state: the sender's next frame goes through, and so does A's.
    deliver(rawFrame({ serial: 'TDSIM00000000007', encryption }, ACK));
    deliver(second);
    assert.deepEqual(
      drain(b).map((r) => r.serial),
      ['TDSIM00000000007', 'TDSIM00000000001'],
    );
    assert.equal(b.link.counters.rxFrames, 11);
  });
}

test('a send with no sync port up is counted as failed', () => {
  const clock = new FakeClockDevice();
  const a = unit(clock, 'TDSIM00000000001', false);
  a.ports.onLinkEvent({ ifname: 'p3', ifindex: 2, up: true, carrier: false });
  assert.equal(a.link.send(ACK, 0), false);
  assert.deepEqual(a.link.counters, { txFrames: 0, txFailed: 1, rxFrames: 0 });
});
