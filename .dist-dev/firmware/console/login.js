import { verifyAdminPassword } from '../config/admin-password.js';
import { quote } from '../config/lexer.js';
import { systemAdmin } from '../config/schema-admin.js';
import { createLogger } from '../log/logger.js';
import { hostnameOf } from './processor.js';
import { printable } from './tokenize.js';
const log = createLogger('console.login');
export const FORCED_CHANGE = 'You are forced to change your password. Please input a new password.\n';
export class LoginGate {
    opts;
    state = { kind: 'name' };
    failures = 0;
    lockedUntilMs = Number.NEGATIVE_INFINITY;
    constructor(opts) {
        this.opts = opts;
    }
    /** Back to the login name (at start, after a logout or a Ctrl-C). */
    begin(output = '') {
        this.state = { kind: 'name' };
        return { output, prompt: `${hostnameOf(this.opts.config)} login: `, input: 'text' };
    }
    /** The answer to the current prompt. Never rejects. */
    async enter(line) {
        try {
            return await this.step(line);
        }
        catch (err) {
            log.error(`login on ${this.opts.where} failed: ${err instanceof Error ? err.message : String(err)}`);
            return this.begin('Login unavailable: the configuration cannot be read.\n');
        }
    }
    async step(line) {
        const state = this.state;
        switch (state.kind) {
            case 'name': {
                const name = line.trim();
                if (name === '')
                    return this.begin();
                const lockedS = Math.ceil((this.lockedUntilMs - this.opts.clock.nowMs()) / 1000);
                if (lockedS > 0)
                    return this.begin(`Login locked after too many failures; try again in ${lockedS} s.\n`);
                this.state = { kind: 'password', name };
                return { output: '', prompt: 'Password: ', input: 'secret' };
            }
            case 'password':
                return this.password(state.name, line);
            case 'new':
                if (line === '')
                    return this.askNew(state.name, 'The new password may not be empty.\n');
                this.state = { kind: 'confirm', name: state.name, first: line };
                return { output: '', prompt: 'Confirm Password: ', input: 'secret' };
            case 'confirm':
                if (line !== state.first)
                    return this.askNew(state.name, 'The passwords do not match.\n');
                return this.changePassword(state.name, line);
        }
    }
    async password(name, password) {
        const settings = this.opts.config.login();
        const stored = settings.admins.get(name);
        // An unknown name costs the same hash as a known one: the time taken tells nothing.
        const ok = (await verifyAdminPassword(stored ?? UNKNOWN_ADMIN, password)) && stored !== undefined;
        if (!ok) {
            this.failures++;
            const who = printable(name);
            log.event(`login failed for ${who} on ${this.opts.where} (${this.failures} of ${settings.lockoutThreshold})`, 'warn');
            let output = 'Login incorrect\n';
            if (this.failures >= settings.lockoutThreshold) {
                this.failures = 0;
                this.lockedUntilMs = this.opts.clock.nowMs() + settings.lockoutDurationS * 1000;
                log.event(`login on ${this.opts.where} locked for ${settings.lockoutDurationS} s after ${settings.lockoutThreshold} failures`, 'warn');
                output += `Too many failures: login locked for ${settings.lockoutDurationS} s.\n`;
            }
            return this.begin(output);
        }
        this.failures = 0;
        if (stored === '')
            return this.askNew(name, FORCED_CHANGE);
        return this.welcome(name, '');
    }
    /** Saves the new password through the config editor: hashed, validated, committed like any change. */
    async changePassword(name, password) {
        const edit = this.opts.config.beginEdit(systemAdmin.words);
        if (typeof edit === 'string')
            return this.welcome(name, `Password not saved: ${edit}`);
        for (const line of [`edit ${quote(name)}`, `set password ${quote(password)}`]) {
            const r = await edit.handle(line);
            if (r.output !== '') {
                await edit.handle('abort');
                return this.askNew(name, r.output);
            }
        }
        const saved = await edit.handle('end');
        if (saved.active) {
            await edit.handle('abort');
            // The operator proved who they are; a unit that cannot save must still be reachable.
            log.event(`password of ${printable(name)} not saved on ${this.opts.where}`, 'warn');
            return this.welcome(name, `Password not saved:\n${saved.output}`);
        }
        log.event(`password of ${printable(name)} changed on ${this.opts.where}`);
        return this.welcome(name, saved.output);
    }
    askNew(name, output) {
        this.state = { kind: 'new', name };
        return { output, prompt: 'New Password: ', input: 'secret' };
    }
    welcome(name, output) {
        this.state = { kind: 'name' };
        log.event(`${printable(name)} logged in on ${this.opts.where}`, 'info', {
            subtype: 'admin',
            fields: { action: 'login', user: printable(name), ui: this.opts.where },
        });
        return { output, prompt: '', input: 'text', admin: name };
    }
}
/** A well-formed hash no known password gives, checked for a name that is no administrator: it costs what a real one does. */
const UNKNOWN_ADMIN = 'TS1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
//# sourceMappingURL=login.js.map