/**
 * The log filter of `execute log filter`, after FortiOS: the category (only event logs are
 * kept), fields that must match (`field <name> <value>…`, any of the values; none clears the
 * field), the page `execute log display` shows (`start-line`, `view-lines`), `reset`, and
 * `dump` or the bare command to show it. Each console session has a filter of its own.
 */
import { commandFail, parseFail, RETURN_CODE } from '../config/command-fail.js';
import { LOG_LEVELS } from '../log/log-query.js';
import { printable } from './tokenize.js';
export const VIEW_LINES = { min: 5, max: 1000, default: 10 };
/** FortiOS numbers the categories; 1 is event, the only one Tandem keeps. */
const EVENT_CATEGORY = ['event', '1'];
const FIELD_NAME = /^[A-Za-z0-9_-]{1,32}$/;
export class LogFilter {
    #fields = new Map();
    #startLine = 1;
    #viewLines = VIEW_LINES.default;
    query() {
        return { fields: new Map(this.#fields), startLine: this.#startLine, viewLines: this.#viewLines };
    }
    category(words) {
        if (words.length === 0)
            return commandFail(RETURN_CODE.incomplete, 'category takes event (or 1)');
        const word = words[0];
        if (words.length > 1)
            return parseFail(printable(words[1]), 'category takes one value');
        return EVENT_CATEGORY.includes(word)
            ? ''
            : parseFail(printable(word), 'only event logs (category event or 1) are kept', 'value');
    }
    field(words) {
        const [name, ...values] = words;
        if (name === undefined)
            return commandFail(RETURN_CODE.incomplete, 'field takes <name> [<value>...]');
        if (!FIELD_NAME.test(name))
            return parseFail(printable(name), 'a field name is letters, digits, - and _', 'value');
        if (values.length === 0) {
            this.#fields.delete(name);
            return '';
        }
        if (name === 'level') {
            const bad = values.find((v) => !LOG_LEVELS.includes(v));
            if (bad !== undefined)
                return parseFail(printable(bad), `level is one of ${LOG_LEVELS.join(', ')}`, 'value');
        }
        this.#fields.set(name, values);
        return '';
    }
    viewLines(words) {
        const n = integerArg(words, VIEW_LINES.min, VIEW_LINES.max);
        if (typeof n === 'string')
            return n;
        this.#viewLines = n;
        return '';
    }
    startLine(words) {
        const n = integerArg(words, 1, 2147483647);
        if (typeof n === 'string')
            return n;
        this.#startLine = n;
        return '';
    }
    reset() {
        this.#fields.clear();
        this.#startLine = 1;
        this.#viewLines = VIEW_LINES.default;
    }
    describe() {
        const filter = [...this.#fields].map(([name, values]) => {
            const op = name === 'msg' ? '~' : name === 'level' ? '>=' : '==';
            return values.map((v) => `${name}${op}"${v}"`).join(' or ');
        });
        return ('category: event\n' +
            `start-line: ${this.#startLine}\n` +
            `view-lines: ${this.#viewLines}\n` +
            `Filter: ${filter.map((f) => (this.#fields.size > 1 && f.includes(' or ') ? `(${f})` : f)).join(' and ')}\n`);
    }
}
/** One integer within [min, max], or the FortiOS error naming the bad word and the range. */
function integerArg(words, min, max) {
    const word = words[0];
    const need = `an integer ${min}-${max}`;
    if (word === undefined)
        return commandFail(RETURN_CODE.incomplete, `needs ${need}`);
    if (words.length > 1)
        return parseFail(printable(words[1]), `takes one value, ${need}`);
    const n = Number(word);
    return /^[0-9]{1,10}$/.test(word) && n >= min && n <= max ? n : parseFail(printable(word), need, 'value');
}
//# sourceMappingURL=log-filter.js.map