import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandFail, parseErrorLine, parseFail, RETURN_CODE } from './command-fail.js';
test('FortiOS failure lines, byte for byte', () => {
    assert.equal(commandFail(RETURN_CODE.incomplete), 'Command fail. Return code -160\n');
    assert.equal(commandFail(RETURN_CODE.failed, 'config not saved: ENOSPC'), 'config not saved: ENOSPC\nCommand fail. Return code -1\n');
    assert.equal(parseErrorLine('nope'), "command parse error before 'nope'");
    assert.equal(parseFail('nope'), "command parse error before 'nope'\nCommand fail. Return code -61\n");
    assert.equal(parseFail('foo', 'unknown option foo'), "command parse error before 'foo': unknown option foo\nCommand fail. Return code -61\n");
    assert.equal(parseFail('300', 'priority must be an integer 0-255', 'value'), "value parse error before '300': priority must be an integer 0-255\nCommand fail. Return code -651\n");
});
//# sourceMappingURL=command-fail.test.js.map