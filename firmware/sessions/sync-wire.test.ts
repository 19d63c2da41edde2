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
import { deriveKeys, deriveSyncKeys } from '../ha/wire/keys.js';
import { emptyCounters, FrameOpener } from '../ha/wire/opener.js';
import { FrameSealer } from '../ha/wire/sealer.js';
import { encodeAck, SYNC_FRAME_TYPE, type SyncBody } from './sync-frames.js';
import { SyncLink } from './sync-link.js';
import { memoryLog } from './sync-net.testkit.js';
import { SyncPorts } from './sync-ports.js';
import { SYNC_GROUP, SYNC_PASSWORD, syncFrame } from './sync-wire.testkit.js';

const PASSWORD = SYNC_PASSWORD;
const GROUP = SYNC_GROUP;
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
  const ports = new SyncPorts(nic, memoryLog([], serial), serial);
  ports.open({ dedicated: [{ name: 'port3', ifname: 'p3' }], fallback: [], unicastPeer: null });
  const keys = deriveSyncKeys(PASSWORD);
  const slot = { groupId: GROUP, keys, encryption };
  const link = new SyncLink(
    ports,
    new FrameSealer({ ...slot, serial, bootId: 1, nextBootId: () => 2 }),
    new FrameOpener({ slots: [slot], ownSerial: serial, accepts: (t) => t === SYNC_FRAME_TYPE }),
  );
  return { nic, link, ports };
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
    deliver(syncFrame({ serial: 'TDSIM00000000003', keys: deriveKeys(PASSWORD), encryption }, ACK)); // heartbeat keys
    deliver(syncFrame({ serial: 'TDSIM00000000004', type: 1, encryption }, ACK)); // a heartbeat's frame type
    deliver(syncFrame({ serial: 'TDSIM00000000005', groupId: GROUP + 1, encryption }, ACK)); // another cluster
    deliver(syncFrame({ serial: B, encryption }, ACK)); // our own, looped back
    deliver(syncFrame({ serial: 'TDSIM00000000006', encryption: !encryption }, ACK)); // the other encryption setting
    deliver(second.slice(0, second.length - 3)); // cut short
    deliver(syncFrame({ serial: 'TDSIM00000000007', encryption }, Uint8Array.of(0x82, 0x09, 0x00))); // not a sync body
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
    deliver(syncFrame({ serial: 'TDSIM00000000007', encryption }, ACK));
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
