/**
 * The release build's --version check (scripts/release/version.js): what it lets through goes
 * into the bundle's package.json, its manifest and the archive's file name.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../launcher.js';
const { releaseVersion, VERSION_SHAPE } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/release/version.js')).href));
/** The check's message for `text`, or null when it passes. */
function refusal(text) {
    try {
        releaseVersion(text);
        return null;
    }
    catch (err) {
        return err.message;
    }
}
test('major.minor.patch, with or without a prerelease of dot-separated letters, digits and hyphens, passes as given', () => {
    for (const v of ['1.0.0', '0.0.0', '10.20.30', '2.0.0-rc.1', '1.2.0-alpha-2.x.7', '1.0.0-0', '1.0.0-RC-3']) {
        assert.equal(releaseVersion(v), v);
    }
});
test('anything else is refused naming the value and the allowed shape', () => {
    const bad = [
        '',
        '1.2',
        '1.2.3.4',
        'v1.2.3',
        '01.2.3',
        '1.02.3',
        '1.2.03',
        '1.2.3-',
        '1.2.3-rc..1',
        '1.2.3-rc.',
        '1.2.3+build.5',
        '1.2.3-rc/1',
        '1.2.3-rc 1',
        '1.2.3 ',
        '1.2.3\n',
        '../1.2.3',
    ];
    for (const v of bad)
        assert.equal(refusal(v), `--version ${JSON.stringify(v)}: allowed: ${VERSION_SHAPE}`, v);
    assert.match(VERSION_SHAPE, /^major\.minor\.patch .*-prerelease/);
});
//# sourceMappingURL=version.test.js.map