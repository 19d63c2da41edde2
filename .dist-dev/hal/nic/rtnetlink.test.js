/**
 * requestAck's receive deadline against the kernel's rtnetlink (the host's own namespace, no
 * privilege needed): a request sent without NLM_F_ACK gets its reply and never an ack.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monotonicMs } from '../clock/linux.js';
import { HalError } from '../errors.js';
import { E } from '../libc.js';
import { ACK_WAIT_MS, NLM_F_REQUEST, NlMessage, requestAck, sequence } from './rtnetlink.js';
const RTM_GETLINK = 18;
const IFINFOMSG_BYTES = 16;
const IFLA_IFNAME = 3;
test('no ack: the replies are handed over, then the wait ends at its CLOCK_MONOTONIC deadline', () => {
    const message = new NlMessage(RTM_GETLINK, NLM_F_REQUEST, sequence())
        .struct(new Uint8Array(IFINFOMSG_BYTES))
        .attr(IFLA_IFNAME, new TextEncoder().encode('lo\0'))
        .finish();
    let replies = 0;
    const started = monotonicMs();
    assert.throws(() => requestAck('nic lo', 'linkState', message, () => replies++), (err) => err instanceof HalError && err.errno === E.ETIMEDOUT);
    const took = monotonicMs() - started;
    assert.equal(replies, 1);
    assert.ok(took >= ACK_WAIT_MS && took < ACK_WAIT_MS + 1000, `waited ${took.toFixed(1)} ms for ${ACK_WAIT_MS}`);
});
//# sourceMappingURL=rtnetlink.test.js.map