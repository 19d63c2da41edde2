/**
 * The `execute log` branch of the command tree: `filter` (kept per console session) and
 * `display`, which reads the persistent event log, rotated file included, newest first.
 */
import { ENTER, placeholder } from '../../config/choice.js';
import { commandFail, RETURN_CODE } from '../../config/command-fail.js';
import { LOG_LEVELS, queryLog, renderLogPage } from '../../log/log-query.js';
import { VIEW_LINES } from '../log-filter.js';
export const LOG_UNAVAILABLE = commandFail(RETURN_CODE.failed, 'the event log is unavailable on this unit');
const text = (output) => ({ output });
/** The fields every event line has, and those the HA events add; any other field may be named too. */
const FIELD_HELP = {
    subtype: 'Event kind: ha, admin, system, or the logging module.',
    level: 'This level or worse.',
    msg: 'Text the message contains.',
    action: 'What happened: joined, lost, left, refused, takeover, giveup, login.',
    from: 'HA state before a state change.',
    to: 'HA state after a state change.',
    peer: 'Serial number of the peer.',
    reason: 'Why it happened.',
};
/** `?` and Tab after `field`: the field names, then for `level` its values. */
function fieldChoices(words) {
    if (words.length === 0) {
        return [...Object.entries(FIELD_HELP).map(([word, help]) => ({ word, help })), placeholder('<name>', 'Any other field.')];
    }
    const values = words[0] === 'level' ? LOG_LEVELS.map((word) => ({ word, help: '' })) : [placeholder('<value>', '')];
    return words.length === 1 ? values : [...values, ENTER];
}
export function logBranch(source) {
    return {
        word: 'log',
        help: 'Log commands.',
        children: [
            {
                word: 'filter',
                help: "Show or set this console session's filter of log display.",
                run: (_, state) => text(state.logFilter.describe()),
                children: [
                    {
                        word: 'category',
                        help: 'Category: event (1), the only one kept.',
                        args: 'words',
                        argsHelp: '<event|1>',
                        run: (words, state) => text(state.logFilter.category(words)),
                    },
                    {
                        word: 'field',
                        help: 'Match a field (subtype, level, msg substring, any field); no value clears it.',
                        args: 'words',
                        argsHelp: '<name> [<value>...]',
                        run: (words, state) => text(state.logFilter.field(words)),
                        complete: fieldChoices,
                    },
                    {
                        word: 'view-lines',
                        help: `Lines per display (default ${VIEW_LINES.default}).`,
                        args: 'words',
                        argsHelp: `<${VIEW_LINES.min}-${VIEW_LINES.max}>`,
                        run: (words, state) => text(state.logFilter.viewLines(words)),
                    },
                    {
                        word: 'start-line',
                        help: 'First line to display, counted from the newest.',
                        args: 'words',
                        argsHelp: '<line>',
                        run: (words, state) => text(state.logFilter.startLine(words)),
                    },
                    {
                        word: 'reset',
                        help: 'Reset the filter to its defaults.',
                        run: (_, state) => {
                            state.logFilter.reset();
                            return text('');
                        },
                    },
                    { word: 'dump', help: 'Show the filter.', run: (_, state) => text(state.logFilter.describe()) },
                ],
            },
            {
                word: 'display',
                help: 'Display the event logs the filter passes, newest first.',
                run: async (_, state) => {
                    if (!source)
                        return text(LOG_UNAVAILABLE);
                    return text(renderLogPage(queryLog(await source.lines(), state.logFilter.query())));
                },
            },
        ],
    };
}
//# sourceMappingURL=log.js.map