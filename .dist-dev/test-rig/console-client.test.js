import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConsoleClient, consoleExec } from './console-client.js';
import { readLines } from './jsonl.js';
/** A console socket that answers each request with `answer` (or not at all when it returns null). */
async function server(answer) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-console-'));
    const path = join(dir, 'console.sock');
    const srv = createServer((conn) => {
        readLines(conn, (line) => {
            const reply = answer(JSON.parse(line), conn);
            if (reply !== null)
                conn.write(`${JSON.stringify(reply)}\n`);
        });
    });
    await new Promise((r) => srv.listen(path, r));
    return {
        path,
        close: () => {
            srv.close();
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
test('status answers are matched by id; a silent board times out; a closed one rejects', async (t) => {
    let silent = false;
    const s = await server((req, conn) => {
        if (req.line === 'hang up') {
            conn.destroy();
            return null;
        }
        if (silent)
            return null;
        return 'query' in req
            ? { id: req.id, status: { state: 'work' } }
            : { id: req.id, output: `ran ${req.line}`, prompt: 'TDM-A #' };
    });
    t.after(() => s.close());
    const c = new ConsoleClient(s.path, 'board A');
    t.after(() => c.close());
    assert.equal((await c.status(2000)).state, 'work');
    assert.deepEqual(await c.command('get system status', 2000), { output: 'ran get system status', prompt: 'TDM-A #' });
    silent = true;
    await assert.rejects(c.status(50), /board A: no answer from the console in 50 ms/);
    silent = false;
    await assert.rejects(c.command('hang up', 2000), /board A: console connection closed/);
    assert.equal((await c.status(2000)).state, 'work', 'reconnects after the connection closed');
});
test('a missing socket is reported as not ready', async () => {
    const c = new ConsoleClient('/nonexistent/console.sock', 'board B');
    await assert.rejects(c.status(1000), /board B: console socket not ready/);
});
test('multi-line console text runs in one session, outputs joined', async (t) => {
    const sessions = new Set();
    const s = await server((req, conn) => {
        sessions.add(conn);
        return { id: req.id, output: `${req.line}: ok`, prompt: '#' };
    });
    t.after(() => s.close());
    const out = await consoleExec(s.path, 'board A', 'config system ha\n  set priority 10\n\nend', 2000);
    assert.equal(out, 'config system ha: ok\n  set priority 10: ok\nend: ok\n');
    assert.equal(sessions.size, 1);
    assert.equal(await consoleExec(s.path, 'board A', 'show', 2000), 'show: ok');
});
//# sourceMappingURL=console-client.test.js.map