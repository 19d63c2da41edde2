/**
 * The board's check of a release bundle before it installs it:
 *
 *   node dist/firmware/release/verify-cli.js --key <public key pem> <bundle.tar.zst> [--unpacked <dir>]
 *
 * verifies `<bundle>.sig` over the archive with the release key and, given the folder the
 * archive was unpacked into, every file there against the manifest. Exit code 0 when all
 * holds, 1 with one line saying why the bundle is refused, 2 for a usage error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BundleError } from './errors.js';
import { verifyUnpacked } from './manifest.js';
import { SIGNATURE_SUFFIX, verifyBundleSignature } from './signature.js';
const USAGE = 'usage: verify-cli.js --key <public key pem> <bundle.tar.zst> [--unpacked <dir>]';
function usage(problem) {
    process.stderr.write(`tandem: ${problem}\n${USAGE}\n`);
    process.exit(2);
}
function read(path, what) {
    try {
        return readFileSync(path);
    }
    catch (err) {
        throw new BundleError(`${what} ${path}: ${err.code ?? String(err)}`);
    }
}
const OPTIONS = { key: { type: 'string' }, unpacked: { type: 'string' } };
function parse() {
    try {
        return parseArgs({ options: OPTIONS, allowPositionals: true });
    }
    catch (err) {
        return usage(err.message);
    }
}
const { values, positionals } = parse();
if (values.key === undefined)
    usage('--key is required');
if (positionals.length !== 1)
    usage(`one bundle expected, given ${positionals.length}`);
const archive = positionals[0];
try {
    const key = read(values.key, 'public key').toString('utf8');
    const signature = read(`${archive}${SIGNATURE_SUFFIX}`, 'signature').toString('utf8');
    verifyBundleSignature(read(archive, 'bundle'), signature, key, { archive, key: values.key });
    process.stdout.write(`${archive}: signature verified with ${values.key}\n`);
    if (values.unpacked !== undefined) {
        const m = verifyUnpacked(values.unpacked);
        process.stdout.write(`${values.unpacked}: ${m.files.length} files match the manifest of ${m.name} ${m.version} (${m.arch})\n`);
    }
}
catch (err) {
    if (!(err instanceof BundleError))
        throw err;
    process.stderr.write(`tandem: refusing ${archive}: ${err.message}\n`);
    process.exit(1);
}
//# sourceMappingURL=verify-cli.js.map