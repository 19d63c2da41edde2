import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeControlNet } from '../../control/control-link.fake.js';
import { controlPing, MAX_PING_BYTES, renderControlStatus } from './ha-control-diag.js';
const A = 'TDSIM00000000001';
const B = 'TDSIM00000000002';
function diagOf(net, serial, running = true) {
    const link = net.link(serial);
    return { status: () => (running ? link.status() : null), ping: (to, bytes) => link.ping(to, bytes, 1000) };
}
test('the status shows ports, frames, each peer and the non-zero rejections', () => {
    const net = new FakeControlNet({ serials: [A, B, 'TDSIM00000000003'] });
    net.link(A).send(B, { k: 'sync-req', reason: 'x' });
    net.advance(20);
    // The third unit hears the fragment to B and B's ack: neither is for it.
    const out = renderControlStatus(net.link('TDSIM00000000003').status(), { relayed: 12, dropped: 1 });
    assert.equal(out, [
        'Control link: running',
        'Ports in use: fake',
        'Frames: sent 0, not sent 0, received 2',
        'Peer                Sent  Received  Pending  Retransmits  Resets',
        `${A}       0         0        0            0       0`,
        `${B}       0         0        0            0       0`,
        'Rejected frames: notForUs 2',
        'UDP 703 relay (unicast-hb): relayed 12, dropped 1',
        '',
    ].join('\n'));
    assert.equal(renderControlStatus(null, { relayed: 0, dropped: 0 }), 'Control link: not running (HA mode standalone)\n');
});
test('ping answers with the time; bad words and a stopped link are refused', async () => {
    const net = new FakeControlNet({ serials: [A, B] });
    const answer = controlPing(diagOf(net, A), [B, '200000']);
    net.advance(200);
    assert.match(await answer, new RegExp(`^${B} answered 200000 bytes in \\d+\\.\\d ms\n$`));
    assert.equal(await controlPing(diagOf(net, A), [B, '0']), `value parse error before '0': ping needs bytes, an integer 1-${MAX_PING_BYTES}\nCommand fail. Return code -651\n`);
    assert.equal(await controlPing(diagOf(net, A), [B]), 'Command fail. Return code -160\n');
    assert.equal(await controlPing(diagOf(net, A), ['NOSUCH', '10']), 'ping NOSUCH: no stream to NOSUCH\nCommand fail. Return code -1\n');
    assert.match(await controlPing(diagOf(net, A, false), [B, '10']), /control link is unavailable/);
});
//# sourceMappingURL=ha-control-diag.test.js.map