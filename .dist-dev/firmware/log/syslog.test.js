/** The syslog sender over a real UDP socket to a receiver on 127.0.0.1, and its drop counting. */
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { openUdpPort } from '../../hal/nic/udp-socket.js';
import { SyslogSender } from './syslog.js';
const event = {
    level: 'warn',
    namespace: 'ha',
    message: 'peer B lost: no heartbeats',
    event: true,
    subtype: 'ha',
    fields: { action: 'lost', peer: 'B' },
};
const settings = (port, format = 'rfc5424') => ({
    enabled: true,
    server: '127.0.0.1',
    port,
    facility: 'local7',
    format,
});
test('events reach a UDP syslog receiver on loopback, one datagram each, in the configured format', async (t) => {
    const receiver = createSocket('udp4');
    t.after(() => receiver.close());
    receiver.bind(0, '127.0.0.1');
    await once(receiver, 'listening');
    const received = [];
    receiver.on('message', (msg) => received.push(msg.toString('utf8')));
    const arrived = async (count) => {
        while (received.length < count)
            await once(receiver, 'message');
    };
    const clock = new FakeClock(2000);
    const sender = new SyslogSender({ openUdp: openUdpPort }, clock, 77);
    t.after(() => sender.close());
    sender.send(event);
    assert.equal(sender.counters.sent, 0, 'not configured: nothing is sent');
    sender.configure(settings(receiver.address().port), 'TDM-A');
    sender.send(event);
    sender.send({ ...event, event: false, message: 'a debug line' });
    sender.send({ ...event, message: 'stamped by the worker', atMs: 1500 });
    await arrived(2);
    assert.deepEqual(received, [
        '<188>1 2026-01-01T00:00:02.000000Z TDM-A tandem 77 0101000003 [tandem@32473 subtype="ha" level="warning" action="lost" peer="B"] peer B lost: no heartbeats',
        '<188>1 2026-01-01T00:00:01.500000Z TDM-A tandem 77 0101000003 [tandem@32473 subtype="ha" level="warning" action="lost" peer="B"] stamped by the worker',
    ]);
    sender.configure(settings(receiver.address().port, 'default'), 'TDM-A');
    sender.send({ ...event, level: 'info' });
    await arrived(3);
    assert.equal(received[2], '<189>date=2026-01-01 time=00:00:02 eventtime=1767225602000000 logid="0101000003" type="event" subtype="ha" level="notice" logdesc="HA peer lost" msg="peer B lost: no heartbeats" action="lost" peer="B"');
    assert.deepEqual(sender.counters, { sent: 3, dropped: 0 });
    sender.configure({ ...settings(receiver.address().port), enabled: false }, 'TDM-A');
    sender.send(event);
    assert.equal(sender.counters.sent, 3, 'disabled: nothing more is sent');
});
test('a datagram the socket refuses, or no socket at all, is dropped and counted, never thrown', () => {
    const clock = new FakeClock(0);
    const refusing = {
        counters: { txFrames: 0, rxFrames: 0, txErrors: 1, rxErrors: 0, lastTxErrno: 105, lastRxErrno: 0 },
        sendTo: () => false,
        recv: () => -1,
        close: () => { },
        fd: -1,
    };
    const full = new SyslogSender({ openUdp: () => refusing }, clock, 1);
    full.configure(settings(514), 'TDM-A');
    full.send(event);
    full.send(event);
    assert.deepEqual(full.counters, { sent: 0, dropped: 2 });
    const noSocket = {
        openUdp: () => {
            throw new Error('nic udp/0: openUdp: socket: EMFILE');
        },
    };
    const none = new SyslogSender(noSocket, clock, 1);
    none.configure(settings(514), 'TDM-A');
    assert.doesNotThrow(() => none.send(event));
    assert.deepEqual(none.counters, { sent: 0, dropped: 1, openError: 'nic udp/0: openUdp: socket: EMFILE' });
});
test('with a source address (ha-direct) the messages leave from it; one not on this unit is counted, then retried', async (t) => {
    const receiver = createSocket('udp4');
    t.after(() => receiver.close());
    receiver.bind(0, '127.0.0.1');
    await once(receiver, 'listening');
    const sender = new SyslogSender({ openUdp: openUdpPort }, new FakeClock(0), 1);
    t.after(() => sender.close());
    sender.configure(settings(receiver.address().port), 'TDM-B', '198.18.250.1');
    sender.send(event);
    assert.match(sender.counters.openError ?? '', /EADDRNOTAVAIL/);
    // Loopback owns all of 127/8: a second address stands in for the management interface's.
    sender.configure(settings(receiver.address().port), 'TDM-B', '127.0.0.2');
    sender.send(event);
    const [, from] = (await once(receiver, 'message'));
    assert.equal(from.address, '127.0.0.2');
    assert.deepEqual(sender.counters, { sent: 1, dropped: 1 });
});
//# sourceMappingURL=syslog.test.js.map