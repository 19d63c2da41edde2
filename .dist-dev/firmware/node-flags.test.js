import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FIRMWARE_NODE_FLAGS, missingNodeFlags } from './node-flags.js';
test('missing flags are named; the boot selector starts node with every firmware flag', () => {
    assert.deepEqual(missingNodeFlags(['--enable-source-maps', '--max-semi-space-size=4']), ['--single-threaded-gc']);
    assert.deepEqual(missingNodeFlags(['--single-threaded-gc', '--max-semi-space-size=4']), []);
    const unit = readFileSync(new URL('../../scripts/tandem.service', import.meta.url), 'utf8');
    const execStart = unit.split('\n').find((l) => l.startsWith('ExecStart=')) ?? '';
    assert.match(execStart, /^ExecStart=\/opt\/tandem\/tandem-boot /, 'the service boots through the slot selector');
    const boot = readFileSync(new URL('../../scripts/tandem-boot', import.meta.url), 'utf8');
    const exec = boot.slice(boot.indexOf('\nexec ')).replace(/\\\n\s*/g, '');
    for (const flag of FIRMWARE_NODE_FLAGS)
        assert.ok(exec.includes(` ${flag} `), `tandem-boot's exec lacks ${flag}`);
});
//# sourceMappingURL=node-flags.test.js.map