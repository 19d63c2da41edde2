import { FakeClock } from '../../hal/clock/clock.fake.js';
/**
 * A console session on the real configuration store (in memory) behind a fake terminal: keys
 * go through the line editor as on the serial line, `?` and Tab ask the session, entered lines
 * run, and everything the terminal would show is collected, CR LF and all.
 */
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { ports } from '../config/schema.fixture.js';
import { ConfigStore } from '../config/store.js';
import { FakeDiag, FakeHa } from './controls.fake.js';
import { LineEditor } from './line-editor.js';
import { CommandProcessor } from './processor.js';
import { toCrlf } from './serial-console.js';
export const STORE_PATH = '/flash/tandem.conf';
/** A store on the fixture board's ports, loaded from `text` (defaults when absent). */
export function memoryStore(text) {
    const storage = new MemoryStorage();
    if (text !== undefined)
        storage.files.set(STORE_PATH, text);
    const store = new ConfigStore({ clock: new FakeClock(), storage, path: STORE_PATH, ports, serial: 'TDM0000000001' });
    store.load();
    return { store, storage };
}
export function storeSession(text) {
    const { store, storage } = memoryStore(text);
    const processor = new CommandProcessor({ config: store, ha: new FakeHa(), diag: new FakeDiag(), firmwareVersion: '1.0.0' });
    return { store, storage, session: processor.openSession() };
}
export class FakeTerminal {
    session;
    editor;
    /** Everything shown so far. */
    screen;
    constructor(session) {
        this.session = session;
        this.editor = new LineEditor(session);
        this.screen = session.prompt();
    }
    /** Types `keys` byte by byte; returns what the terminal showed meanwhile. */
    async type(keys) {
        const start = this.screen.length;
        for (const byte of Buffer.from(keys, 'utf8')) {
            const r = this.editor.feed(Uint8Array.of(byte));
            this.screen += r.echo;
            for (const line of r.lines) {
                const reply = await this.session.execute(line);
                this.screen += toCrlf(reply.output) + reply.prompt;
            }
            if (r.cancelled)
                this.screen += this.session.prompt();
        }
        return this.screen.slice(start);
    }
}
//# sourceMappingURL=terminal.testkit.js.map