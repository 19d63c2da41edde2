import assert from 'node:assert/strict';
import { test } from 'node:test';
import { incompatibility, majorVersion } from './compat.js';
import { peerAdvert } from './net.fake.js';
const self = { groupNames: ['prod'], mode: 'a-p', model: 'TND-2', firmware: '1.4.0' };
const advert = (over = {}) => peerAdvert('peer', { firmware: '1.4.0', ...over });
test('a matching peer is accepted, minor and patch versions may differ', () => {
    assert.equal(incompatibility(self, advert()), null);
    assert.equal(incompatibility(self, advert({ firmware: '1.9.7' })), null);
    assert.equal(incompatibility(self, advert({ firmware: '1.0.0-rc.1' })), null);
});
test('each mismatch is refused, naming both values', () => {
    assert.equal(incompatibility(self, advert({ groupName: 'lab' })), 'group-name "lab" differs from ours "prod"');
    assert.equal(incompatibility(self, advert({ mode: 'a-a' })), 'mode "a-a" differs from ours "a-p"');
    assert.equal(incompatibility(self, advert({ model: 'TND-4' })), 'model "TND-4" differs from ours "TND-2"');
    assert.equal(incompatibility(self, advert({ firmware: '2.0.0' })), 'firmware "2.0.0" (major 2) differs from ours "1.4.0" (major 1)');
    assert.equal(incompatibility(self, advert({ firmware: 'banana' })), 'firmware "banana" is not a version "major.minor.patch"');
});
test("while a key change settles, either slot's group-name is accepted", () => {
    const both = { ...self, groupNames: ['prod', 'prod-2'] };
    assert.equal(incompatibility(both, advert({ groupName: 'prod' })), null);
    assert.equal(incompatibility(both, advert({ groupName: 'prod-2' })), null);
    assert.equal(incompatibility(both, advert({ groupName: 'lab' })), 'group-name "lab" differs from ours "prod" or "prod-2"');
});
test('the first mismatch in order group-name, mode, model, firmware is the one reported', () => {
    assert.match(incompatibility(self, advert({ groupName: 'lab', mode: 'a-a', firmware: '3.0.0' })) ?? '', /^group-name/);
    assert.match(incompatibility(self, advert({ model: 'X', firmware: '3.0.0' })) ?? '', /^model/);
});
test('majorVersion', () => {
    assert.equal(majorVersion('1.2.3'), 1);
    assert.equal(majorVersion('v12.0.1'), 12);
    assert.equal(majorVersion('3'), 3);
    assert.equal(majorVersion('2.1.0+build.5'), 2);
    assert.equal(majorVersion(''), null);
    assert.equal(majorVersion('x.1.2'), null);
});
//# sourceMappingURL=compat.test.js.map