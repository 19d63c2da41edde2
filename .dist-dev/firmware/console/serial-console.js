import { createLogger } from '../log/logger.js';
import { LineEditor } from './line-editor.js';
import { printable } from './tokenize.js';
const log = createLogger('console.serial');
/** Terminals need CR LF; console output uses bare LF. */
export function toCrlf(text) {
    return text.replace(/\r?\n/g, '\r\n');
}
/** Rejects (with the driver's HalError) only when the line cannot be opened. */
export async function startSerialConsole(options) {
    const line = await options.serial.open(options.path, options.baudRate);
    const { login } = options;
    /** The logged-in operator's session; null while the line asks for a login. */
    let session = null;
    let open = true;
    const assist = {
        prompt: () => session?.commands.prompt() ?? '',
        help: (before) => session?.commands.help(before) ?? null,
        complete: (before) => session?.commands.complete(before) ?? { insert: '', listing: '' },
    };
    const editor = new LineEditor(assist);
    const write = (text) => {
        if (!open || text === '')
            return;
        try {
            line.write(text);
        }
        catch (err) {
            log.warn(`write to ${options.path} failed: ${describe(err)}`);
        }
    };
    const ask = (step) => {
        editor.setMode(step.input);
        write(toCrlf(step.output) + step.prompt);
    };
    const entered = async (text) => {
        if (!session) {
            const step = await login.enter(text);
            if (step.admin === undefined)
                return ask(step);
            session = { admin: step.admin, commands: options.processor.openSession() };
            editor.setMode('command');
            write(toCrlf(step.output) + session.commands.prompt());
            return;
        }
        const reply = await session.commands.execute(text);
        if (!reply.exit) {
            editor.setMode(reply.secret ? 'secret' : 'command');
            return write(toCrlf(reply.output) + reply.prompt);
        }
        log.event(`${printable(session.admin)} logged out of ${options.path}`);
        session = null;
        editor.history.clear();
        write(toCrlf(reply.output));
        ask(login.begin());
    };
    /**
     * Input is handled one chunk after another: a line waits for the command before it (a walk
     * of the session table takes a while), and its echo comes after that command's output, as
     * typed-ahead input does on a terminal.
     */
    const handle = async (chunk) => {
        for (let i = 0; i < chunk.length && open; i++) {
            const r = editor.feed(chunk.subarray(i, i + 1));
            write(r.echo);
            for (const text of r.lines)
                await entered(text);
            if (r.cancelled) {
                if (session)
                    write(session.commands.prompt());
                else
                    ask(login.begin());
            }
        }
    };
    let input = Promise.resolve();
    line.onError((err) => log.warn(`${options.path}: ${describe(err)}`));
    line.onData((chunk) => {
        if (!open)
            return;
        // Kept until the input before it is handled: a copy, whatever the driver does with its buffer.
        const copy = Uint8Array.from(chunk);
        input = input.then(() => handle(copy)).catch((err) => log.error(`console input handling failed: ${describe(err)}`));
    });
    const banner = toCrlf(options.banner);
    write(banner === '' || banner.endsWith('\r\n') ? banner : `${banner}\r\n`);
    ask(login.begin());
    log.info(`serial console on ${options.path} at ${options.baudRate} baud`);
    return {
        close: async () => {
            if (!open)
                return;
            open = false;
            await closeQuietly(line, options.path);
        },
    };
}
async function closeQuietly(line, path) {
    try {
        await line.close();
    }
    catch (err) {
        log.warn(`closing ${path} failed: ${describe(err)}`);
    }
}
function describe(err) {
    return err instanceof Error ? err.message : String(err);
}
//# sourceMappingURL=serial-console.js.map