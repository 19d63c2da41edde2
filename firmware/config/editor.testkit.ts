/**
 * Editor sessions as the tests that set no commit gate drive them: every reply comes at once,
 * as it did before config sync. A reply that is a promise fails the test.
 */
import assert from 'node:assert/strict';
import type { ConfigEditorSession, EditorReply } from './api.js';
import type { Choice } from './choice.js';

export interface SyncEditorSession {
  handle(line: string): EditorReply;
  choices(words: readonly string[]): Choice[];
}

/** `beginEdit`'s answer as a session whose replies come at once; an error line fails the test. */
export function syncEditor(session: ConfigEditorSession | string): SyncEditorSession {
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
