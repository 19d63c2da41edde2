/** Downloading an image and its signature from a local HTTP server on 127.0.0.1. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { BundleError } from '../release/errors.js';
import { downloadImage, isUrl } from './download.js';
/** 1 MB that is not all the same byte, so a chunk out of place would show. */
const IMAGE = Buffer.alloc(1_000_000);
for (let i = 0; i < IMAGE.length; i++)
    IMAGE[i] = (i * 7919 + (i >> 8)) & 0xff;
const SIGNATURE = 'c2lnbmF0dXJl\n';
const CHUNK = 64 * 1024;
let server;
let base;
let dir;
/** Sends `body` in chunks, each after the last has drained, ending early (the socket cut) after `cutAt` bytes. */
function send(res, body, cutAt = body.length) {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    let at = 0;
    const next = () => {
        if (at >= cutAt) {
            if (cutAt < body.length)
                res.socket?.destroy();
            else
                res.end();
            return;
        }
        const end = Math.min(at + CHUNK, cutAt);
        const chunk = body.subarray(at, end);
        at = end;
        if (res.write(chunk))
            setImmediate(next);
        else
            res.once('drain', next);
    };
    next();
}
before(async () => {
    server = createServer((req, res) => {
        const path = req.url ?? '';
        if (path === '/tandem.tar.zst' || path === '/nosig.tar.zst')
            send(res, IMAGE);
        else if (path === '/tandem.tar.zst.sig')
            send(res, Buffer.from(SIGNATURE));
        else if (path === '/cut.tar.zst')
            send(res, IMAGE, 300_000);
        else {
            res.writeHead(404, { 'content-type': 'text/plain' });
            res.end('not here\n');
        }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-download-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
async function refusal(p) {
    const err = await p.then(() => assert.fail('downloaded'), (e) => e);
    assert.ok(err instanceof BundleError, `expected a BundleError, got ${String(err)}`);
    return err.message;
}
test('http and https URLs are URLs; paths are not', () => {
    assert.ok(isUrl('http://10.0.0.1/tandem.tar.zst'));
    assert.ok(isUrl('HTTPS://updates.example/tandem.tar.zst'));
    assert.ok(!isUrl('/var/tmp/tandem.tar.zst'));
    assert.ok(!isUrl('ftp://10.0.0.1/tandem.tar.zst'));
    assert.ok(!isUrl('http:/tandem.tar.zst'));
});
test('the image and its signature arrive byte for byte, saying how far every 10 %', async () => {
    const url = `${base}/tandem.tar.zst`;
    const path = join(dir, 'download.tar.zst');
    const lines = [];
    assert.equal(await downloadImage(url, path, (l) => lines.push(l)), IMAGE.length);
    assert.ok(readFileSync(path).equals(IMAGE));
    assert.equal(readFileSync(`${path}.sig`, 'utf8'), SIGNATURE);
    assert.deepEqual(lines, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((p) => `Downloading ${url}: ${p} % of 1.0 MB`));
});
test('a missing image is refused naming HTTP 404, and nothing is written', async () => {
    const url = `${base}/missing.tar.zst`;
    const path = join(dir, 'download.tar.zst');
    assert.equal(await refusal(downloadImage(url, path, () => { })), `cannot fetch ${url}: HTTP 404 Not Found`);
    assert.deepEqual(readdirSync(dir), []);
});
test('a missing signature is refused naming its URL and HTTP 404', async () => {
    const url = `${base}/nosig.tar.zst`;
    const path = join(dir, 'download.tar.zst');
    assert.equal(await refusal(downloadImage(url, path, () => { })), `cannot fetch ${url}.sig: HTTP 404 Not Found`);
    assert.ok(!existsSync(`${path}.sig`));
});
test('a server that closes mid-body: refused, no file left, no signature fetched', async () => {
    const url = `${base}/cut.tar.zst`;
    const path = join(dir, 'download.tar.zst');
    const lines = [];
    const message = await refusal(downloadImage(url, path, (l) => lines.push(l)));
    assert.match(message, new RegExp(`^download of ${url.replaceAll('.', '\\.')} broke off after \\d+ bytes: `));
    const got = Number(/after (\d+) bytes/.exec(message)?.[1]);
    assert.ok(got > 0 && got <= 300_000, `${got} bytes`);
    assert.deepEqual(readdirSync(dir), []);
    assert.ok(lines.length <= 3, lines.join('\n'));
});
test('a server that cannot be reached is refused naming the URL', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${closed.address().port}/tandem.tar.zst`;
    await new Promise((resolve) => closed.close(resolve));
    const message = await refusal(downloadImage(url, join(dir, 'download.tar.zst'), () => { }));
    assert.match(message, new RegExp(`^cannot fetch ${url.replaceAll('.', '\\.')}: .*ECONNREFUSED`));
    assert.deepEqual(readdirSync(dir), []);
});
//# sourceMappingURL=download.test.js.map