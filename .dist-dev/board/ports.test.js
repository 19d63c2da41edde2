import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nanopiR4s } from './nanopi-r4s/index.js';
import { portIfname, UnknownPortError } from './ports.js';
test('a front-panel port resolves to its kernel interface', () => {
    assert.equal(portIfname(nanopiR4s.ports, 'port1'), 'eth0');
    assert.equal(portIfname(nanopiR4s.ports, 'ha2'), 'eth1.999');
});
test('an unknown port is refused, naming it and the ports the board has', () => {
    assert.throws(() => portIfname(nanopiR4s.ports, 'eth0'), (err) => err instanceof UnknownPortError &&
        err.port === 'eth0' &&
        err.message === 'no port "eth0" on this board, its ports: port1, port2, ha1, ha2');
    assert.throws(() => portIfname([], 'port1'), /no port "port1" on this board, its ports: \(none\)/);
});
//# sourceMappingURL=ports.test.js.map