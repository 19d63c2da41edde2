/**
 * FortiOS's failure output, spelled in one place: a message line, then "Command fail. Return
 * code <n>". Operators and scripts match these lines, so the config editor and every console
 * command build them here.
 */
/** The FortiOS return codes Tandem reports. */
export const RETURN_CODE = { failed: -1, check: -56, parse: -61, incomplete: -160, value: -651 };
/** `message` (when given) on its own line, then the return-code line. */
export function commandFail(code, message) {
    return `${message === undefined ? '' : `${message}\n`}Command fail. Return code ${code}\n`;
}
/** "command parse error before '<before>'" (or "value …"), with the reason after a colon when given. */
export function parseErrorLine(before, why, kind = 'command') {
    return `${kind} parse error before '${before}'${why === undefined ? '' : `: ${why}`}`;
}
/** A parse error with its return code: -61 for a command, -651 for a value. */
export function parseFail(before, why, kind = 'command') {
    return commandFail(kind === 'value' ? RETURN_CODE.value : RETURN_CODE.parse, parseErrorLine(before, why, kind));
}
/** A commit the cluster refused, its reason on the same line: `Command fail. changed on TDSIM… meanwhile; nothing changed`. */
export function commandRefused(reason) {
    return `Command fail. ${reason}\n`;
}
//# sourceMappingURL=command-fail.js.map