import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RigError } from './errors.js';
import { boardHostname, boardNamespace, boardSerial, checkRigName, letterOfSerial, parseBoard, resolveRigName, rigOfNamespace, } from './paths.js';
import { parseLinkTarget } from './topology.js';
test('rig names: 1-6 of a-z0-9, or the default', () => {
    for (const ok of ['default', 'a', 'ab12cd'])
        assert.equal(checkRigName(ok), ok);
    for (const bad of ['', 'abcdefg', 'AB', 'a-b', 'a b', 'defaults']) {
        assert.throws(() => checkRigName(bad), (e) => e instanceof RigError && e.message.includes(`"${bad}"`));
    }
    assert.equal(resolveRigName(undefined, {}), 'default');
    assert.equal(resolveRigName(undefined, { TANDEM_RIG: 'env1' }), 'env1');
    assert.equal(resolveRigName('x1', { TANDEM_RIG: 'env1' }), 'x1');
});
test('boards: serials, hostnames, letters', () => {
    assert.equal(boardSerial(0), 'TDSIM00000000001');
    assert.equal(boardSerial(3), 'TDSIM00000000004');
    assert.equal(boardHostname(1), 'TDM-B');
    assert.equal(letterOfSerial('TDSIM00000000003'), 'C');
    assert.equal(letterOfSerial('FGT00000000001'), undefined);
    assert.throws(() => boardSerial(4), RigError);
    assert.equal(parseBoard('b', 2), 'B');
    assert.throws(() => parseBoard('C', 2), /board "C" does not exist: use A, B/);
});
test('namespaces belong to the rig named in them', () => {
    assert.equal(boardNamespace('ab1', 'A'), 'tdm-ab1-A');
    assert.equal(rigOfNamespace('tdm-ab1-A'), 'ab1');
    assert.equal(rigOfNamespace('tdm-default-sw'), 'default');
    assert.equal(rigOfNamespace('tdm-ab1-cli'), 'ab1');
    assert.equal(rigOfNamespace('tdm-ab1-E'), undefined);
    assert.equal(rigOfNamespace('other-ab1-A'), undefined);
});
test('link targets: a whole link or one cable', () => {
    assert.deepEqual(parseLinkTarget('ha1', 3), [
        { board: 'A', port: 'ha1' },
        { board: 'B', port: 'ha1' },
        { board: 'C', port: 'ha1' },
    ]);
    assert.deepEqual(parseLinkTarget('b:port3', 2), [{ board: 'B', port: 'port3' }]);
    assert.throws(() => parseLinkTarget('ha3', 2), /link "ha3" does not exist/);
    assert.throws(() => parseLinkTarget('C:ha1', 2), /board "C" does not exist/);
});
//# sourceMappingURL=paths.test.js.map