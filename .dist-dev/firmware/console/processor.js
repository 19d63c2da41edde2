/**
 * The command processor shared by the serial console and the local console socket. Each
 * session is one operator: normal mode dispatches commands, config mode (entered by
 * `config …`) hands every line to the configuration's editor until it reports it is done.
 * In both modes a line ending in `?` lists what may follow, `?` and Tab ask the same of a
 * partly typed line, and `| grep …` filters a command's output.
 * A session runs its lines one after another, so a line sent while a slow command (a walk of
 * the session table) runs waits for it, and replies come back in order.
 */
import { commandFail, RETURN_CODE } from '../config/command-fail.js';
import { createLogger } from '../log/logger.js';
import { dispatch, treeChoices } from './command-tree.js';
import { buildCommandTree } from './commands/tree.js';
import { completeFor, helpFor } from './completion.js';
import { endLine } from './format.js';
import { applyGrep, grepChoices, parseGrep } from './grep.js';
import { LogFilter } from './log-filter.js';
import { SessionFilter } from './session-filter.js';
import { printable, splitPipe, tokenize } from './tokenize.js';
const log = createLogger('console');
export class CommandProcessor {
    options;
    root;
    constructor(options) {
        this.options = options;
        this.root = buildCommandTree(options);
    }
    openSession() {
        return new Session(this.root, this.options);
    }
}
class Session {
    root;
    options;
    editor = null;
    context = '';
    state = { sessionFilter: new SessionFilter(), logFilter: new LogFilter() };
    /** The reply to the latest line; the next line runs once it is settled. */
    last = Promise.resolve();
    /** A command waiting for its `y` (CommandResult.confirm). */
    confirming = null;
    /** Another unit's console (`execute ha manage`) while it lasts, with its latest prompt. */
    remote = null;
    constructor(root, options) {
        this.root = root;
        this.options = options;
    }
    execute(line) {
        const reply = this.last.then(() => this.runLine(line));
        this.last = reply;
        return reply;
    }
    async runLine(line) {
        if (this.remote)
            return this.runRemote(this.remote, line);
        const confirming = this.confirming;
        this.confirming = null;
        let result;
        try {
            if (confirming)
                result = line.trim().toLowerCase() === 'y' ? await confirming.onYes() : { output: '' };
            else
                result = await this.run(line);
        }
        catch (err) {
            // A command that throws is a bug elsewhere; the operator sees it and keeps the console.
            const message = err instanceof Error ? err.message : String(err);
            log.error(`command '${printable(line, 80)}' failed: ${message}`);
            result = { output: commandFail(RETURN_CODE.failed, `Command fail: ${printable(message, 200)}`) };
        }
        if (result.remote) {
            const { opening } = result.remote;
            this.remote = { session: result.remote, prompt: opening.prompt };
            return { output: result.output, prompt: opening.prompt, ...(opening.secret ? { secret: true } : {}) };
        }
        if (result.confirm) {
            this.confirming = result.confirm;
            return { output: result.output, prompt: result.confirm.question };
        }
        return { output: result.output, prompt: this.prompt(), ...(result.exit ? { exit: true } : {}) };
    }
    /** A line for the other unit; its `exit` (or its loss) brings this unit's prompt back. */
    async runRemote(remote, line) {
        const r = await remote.session.send(line);
        if (r.exit) {
            this.remote = null;
            return { output: r.output, prompt: this.prompt() };
        }
        remote.prompt = r.prompt;
        return { output: r.output, prompt: r.prompt, ...(r.secret ? { secret: true } : {}) };
    }
    prompt() {
        if (this.remote)
            return this.remote.prompt;
        if (this.confirming)
            return this.confirming.question;
        const host = hostnameOf(this.options.config);
        return this.editor ? `${host} (${this.context}) # ` : `${host} # `;
    }
    /** On another unit's console `?` goes over with the line: the listing comes from there. */
    help(before) {
        if (this.remote)
            return null;
        return helpFor(before, (words) => this.choices(words));
    }
    complete(before) {
        if (this.remote)
            return { insert: '', listing: '' };
        return completeFor(before, (words) => this.choices(words));
    }
    /** What may follow the whole words of a line, where the session stands. */
    choices(words) {
        const pipe = words.indexOf('|');
        if (pipe >= 0)
            return grepChoices(words.slice(pipe + 1));
        return this.editor ? this.editor.choices(words) : treeChoices(this.root, words);
    }
    async run(line) {
        if (line.trim() === '')
            return { output: '' };
        const trimmed = line.trimEnd();
        if (trimmed.endsWith('?')) {
            const listing = this.help(trimmed.slice(0, -1));
            if (listing !== null)
                return { output: listing };
        }
        const { command, filter } = splitPipe(line);
        const grep = filter === undefined ? undefined : parseGrep(filter);
        if (typeof grep === 'string')
            return { output: grep };
        const result = await this.runCommand(command);
        return grep ? { ...result, output: applyGrep(result.output, grep) } : result;
    }
    async runCommand(line) {
        if (this.editor)
            return { output: await this.edit(this.editor, line) };
        const tokens = tokenize(line);
        if (!tokens.ok)
            return { output: commandFail(RETURN_CODE.parse, `command parse error: ${tokens.error}`) };
        if (tokens.words.length === 0)
            return { output: '' };
        const result = await dispatch(this.root, tokens.words, this.state);
        if (result.edit) {
            this.editor = result.edit.session;
            this.context = result.edit.context;
        }
        return { output: endLine(result.output), exit: result.exit, remote: result.remote, confirm: result.confirm };
    }
    /** One line for the config editor; an `end` may wait for the cluster (the commit gate) before it answers. */
    async edit(editor, line) {
        const reply = await editor.handle(line);
        if (reply.active)
            this.context = reply.context;
        else {
            this.editor = null;
            this.context = '';
        }
        return endLine(reply.output);
    }
}
/** The unit's hostname for a prompt; "Tandem" while the configuration cannot tell. */
export function hostnameOf(config) {
    try {
        const name = config.hostname();
        if (name)
            return printable(name);
    }
    catch (err) {
        log.warn(`hostname unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
    return 'Tandem';
}
//# sourceMappingURL=processor.js.map