import { describeExit } from './board-process.js';
import { RigError } from './errors.js';
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
export function boardSummary(b) {
    if (b.process === 'dead')
        return `${b.board} dead (${describeExit(b.exit)})`;
    if (b.process === 'frozen')
        return `${b.board} frozen`;
    if (!b.ha)
        return `${b.board} not answering (${b.haError ?? 'no status'})`;
    const primary = b.primary ? `, primary ${b.primary}` : '';
    return `${b.board} ${b.state} sees ${plural(b.members ?? 0, 'member')}${primary}`;
}
export function rigSummary(s) {
    return s.boards.map(boardSummary).join('; ');
}
/** Every board runs and answers its status query. */
export function isBooted(s) {
    return s.boards.every((b) => b.process === 'alive' && b.ha !== null);
}
/** Exactly one board in work, the others standby, each listing every board as a member. */
export function isFormed(s) {
    const n = s.boards.length;
    if (!isBooted(s))
        return false;
    const working = s.boards.filter((b) => b.state === 'work').length;
    const standby = s.boards.filter((b) => b.state === 'standby').length;
    return working === 1 && standby === n - 1 && s.boards.every((b) => b.members === n);
}
export function deadBoards(s) {
    return s.boards.filter((b) => b.process === 'dead');
}
/** "board B exited (code 1): <last lines of its log>". */
export function exitReport(b) {
    const how = b.exit?.signal ? `killed by ${b.exit.signal}` : `code ${b.exit?.code ?? '?'}`;
    const tail = b.logTail?.trim();
    return `board ${b.board} exited (${how})${tail ? `:\n${tail}` : ' without output'}`;
}
/** The primary a board reports: its election result, else the member in work. */
export function primaryOf(snapshot) {
    if (snapshot.election?.primary)
        return snapshot.election.primary;
    return snapshot.members.find((m) => m.state === 'work')?.serial ?? null;
}
/** One board's entry in a status (throws for a board the rig does not have). */
export function boardStatus(s, letter) {
    const b = s.boards.find((x) => x.board === letter.toUpperCase());
    if (!b)
        throw new RigError(`rig ${s.name} has no board ${letter}`);
    return b;
}
/** The boards in `work`, in board order. */
export function workingBoards(s) {
    return s.boards.filter((b) => b.state === 'work').map((b) => b.board);
}
//# sourceMappingURL=status.js.map