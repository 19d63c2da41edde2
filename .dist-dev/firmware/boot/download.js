/**
 * Fetching an image named by URL (`execute restore image http://…`) into a file beside the
 * slots, with its signature (`<url>.sig`), saying how far it got every 10 %.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BundleError } from '../release/errors.js';
import { SIGNATURE_SUFFIX } from '../release/signature.js';
const TIMEOUT_MS = 10 * 60_000;
export function isUrl(source) {
    return /^https?:\/\//i.test(source);
}
async function fetchTo(url, path, progress) {
    let res;
    try {
        res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    }
    catch (err) {
        throw new BundleError(`cannot fetch ${url}: ${err.cause ?? err.message}`);
    }
    if (!res.ok || res.body === null)
        throw new BundleError(`cannot fetch ${url}: HTTP ${res.status} ${res.statusText}`);
    const total = Number(res.headers.get('content-length') ?? 0);
    let got = 0;
    let nextTenth = 1;
    const count = new Transform({
        transform(chunk, _enc, done) {
            got += chunk.length;
            while (total > 0 && got >= (total * nextTenth) / 10 && nextTenth <= 10) {
                progress(`Downloading ${url}: ${nextTenth * 10} % of ${(total / 1e6).toFixed(1)} MB`);
                nextTenth++;
            }
            done(null, chunk);
        },
    });
    try {
        await pipeline(Readable.fromWeb(res.body), count, createWriteStream(path));
    }
    catch (err) {
        rmSync(path, { force: true });
        throw new BundleError(`download of ${url} broke off after ${got} bytes: ${err.message}`);
    }
    return got;
}
/** Downloads the image and its signature to `path` and `path.sig`; returns the image's size. */
export async function downloadImage(url, path, progress) {
    const bytes = await fetchTo(url, path, progress);
    await fetchTo(`${url}${SIGNATURE_SUFFIX}`, `${path}${SIGNATURE_SUFFIX}`, () => { });
    return bytes;
}
//# sourceMappingURL=download.js.map