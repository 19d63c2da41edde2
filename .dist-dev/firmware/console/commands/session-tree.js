/**
 * The `diagnose sys session` branch of the command tree: `filter` (shown, set field by field,
 * negated, cleared; kept per console session), `list` and `stat`. List and stat walk the
 * kernel's table, so they answer once the walk is done.
 */
import { HalError } from '../../../hal/errors.js';
import { commandFail, RETURN_CODE } from '../../config/command-fail.js';
import { fieldHelp } from '../session-filter.js';
import { LIST_LIMIT, renderSessionList } from './session-list.js';
import { renderSessionStat } from './session-stat.js';
export const SESSIONS_UNAVAILABLE = commandFail(RETURN_CODE.failed, 'session table and session sync are unavailable on this unit');
/** The fields in the order FortiOS's `diagnose sys session filter ?` lists them. */
const FIELD_ORDER = ['src', 'dst', 'proto', 'sport', 'dport'];
const text = (output) => ({ output });
export function sessionBranch(sessions) {
    const field = (name) => ({
        word: name,
        help: fieldHelp(name),
        args: 'words',
        argsHelp: '<from> [<to>]',
        run: (words, state) => text(state.sessionFilter.set(name, words)),
    });
    return {
        word: 'session',
        help: 'Session table.',
        children: [
            {
                word: 'filter',
                help: "Show or set this console session's filter of session list.",
                run: (_, state) => text(state.sessionFilter.describe()),
                children: [
                    ...FIELD_ORDER.map(field),
                    {
                        word: 'clear',
                        help: 'Clear session filter.',
                        run: (_, state) => {
                            state.sessionFilter.clear();
                            return text('');
                        },
                    },
                    {
                        word: 'negate',
                        help: 'Inverse filter: the field matches what its values do not.',
                        args: 'words',
                        argsHelp: '<field>',
                        run: (words, state) => text(state.sessionFilter.negate(words)),
                    },
                ],
            },
            {
                word: 'list',
                help: `List the sessions the filter passes (the first ${LIST_LIMIT}).`,
                run: (_, state) => list(sessions, state.sessionFilter),
            },
            { word: 'stat', help: 'Session counts by protocol and state, session sync counters.', run: () => stat(sessions) },
        ],
    };
}
async function list(sessions, filter) {
    if (!sessions)
        return text(SESSIONS_UNAVAILABLE);
    try {
        return text(renderSessionList(await sessions.list(filter, LIST_LIMIT), LIST_LIMIT));
    }
    catch (err) {
        return text(tableFailure(err));
    }
}
async function stat(sessions) {
    if (!sessions)
        return text(SESSIONS_UNAVAILABLE);
    try {
        const tally = await sessions.tally();
        return text(renderSessionStat(sessions.count(), tally, sessions.syncStatus()));
    }
    catch (err) {
        return text(tableFailure(err));
    }
}
/** A kernel that refuses the walk (no conntrack, a dump that fails) is the unit's state, not a bug: said as such. */
function tableFailure(err) {
    if (!(err instanceof HalError))
        throw err;
    return commandFail(RETURN_CODE.failed, `session table unavailable: ${err.message}`);
}
//# sourceMappingURL=session-tree.js.map