/**
 * Editor sessions as the tests that set no commit gate drive them: every reply comes at once,
 * as it did before config sync. A reply that is a promise fails the test.
 */
import assert from 'node:assert/strict';
/** `beginEdit`'s answer as a session whose replies come at once; an error line fails the test. */
export function syncEditor(session) {
    assert.ok(typeof session !== 'string', String(session));
    return {
        handle(line) {
            const reply = session.handle(line);
            assert.ok(!(reply instanceof Promise), `"${line}" answered later, though no commit gate is set`);
            return reply;
        },
        choices: (words) => session.choices(words),
    };
}
//# sourceMappingURL=editor.testkit.js.map