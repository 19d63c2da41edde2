/**
 * Names and places of a rig: its state folder, namespaces, boards' folders, serials and
 * hostnames. Everything here is derived from the rig name, so any process (CLI, supervisor,
 * cleanup, tests) finds the same things without asking anyone.
 */
import { join } from 'node:path';
import { CONSOLE_SOCKET_NAME } from '../firmware/console/socket-protocol.js';
import { RigError } from './errors.js';
export const RIG_ROOT = '/run/tandem-rig';
export const DEFAULT_RIG = 'default';
export const NS_PREFIX = 'tdm-';
export const BOARD_LETTERS = ['A', 'B', 'C', 'D'];
export const MIN_BOARDS = 2;
export const MAX_BOARDS = BOARD_LETTERS.length;
const RIG_NAME = /^[a-z0-9]{1,6}$/;
/** Custom names are 1–6 of [a-z0-9]; the default name is the one exception. */
export function checkRigName(name) {
    if (name === DEFAULT_RIG || RIG_NAME.test(name))
        return name;
    throw new RigError(`rig name "${name}" is not allowed: use 1 to 6 characters of a-z and 0-9`);
}
/** A rig name no other test or bench run uses: 6 characters. */
export function uniqueRigName(prefix = 't') {
    const rand = Math.random().toString(36).slice(2);
    return `${prefix}${(process.pid % 1296).toString(36)}${rand}`.slice(0, 6).padEnd(6, '0');
}
/** The rig a command means: the explicit name, else TANDEM_RIG, else "default". */
export function resolveRigName(explicit, env = process.env) {
    return checkRigName(explicit ?? (env.TANDEM_RIG || DEFAULT_RIG));
}
export function checkBoardCount(n) {
    if (Number.isInteger(n) && n >= MIN_BOARDS && n <= MAX_BOARDS)
        return n;
    throw new RigError(`board count ${n} is not allowed: use ${MIN_BOARDS} to ${MAX_BOARDS}`);
}
export function boardLetter(index) {
    const letter = BOARD_LETTERS[index];
    if (letter === undefined)
        throw new RigError(`board index ${index} is not allowed: use 0 to ${MAX_BOARDS - 1}`);
    return letter;
}
export function boardIndex(letter) {
    return BOARD_LETTERS.indexOf(letter);
}
/** A board named by a user ("b", "B") in a rig of `boards` boards. */
export function parseBoard(text, boards = MAX_BOARDS) {
    const letter = text.toUpperCase();
    const index = BOARD_LETTERS.indexOf(letter);
    if (index < 0 || index >= boards) {
        throw new RigError(`board "${text}" does not exist: use ${BOARD_LETTERS.slice(0, boards).join(', ')}`);
    }
    return letter;
}
/** TDSIM00000000001 for board A: 16 characters like a FortiGate serial. */
export function boardSerial(index) {
    boardLetter(index);
    return `TDSIM${String(index + 1).padStart(11, '0')}`;
}
export function boardHostname(index) {
    return `TDM-${boardLetter(index)}`;
}
/** The board letter a serial belongs to, when it is one of the rig's serials. */
export function letterOfSerial(serial) {
    const index = BOARD_LETTERS.findIndex((_, i) => boardSerial(i) === serial);
    return index < 0 ? undefined : BOARD_LETTERS[index];
}
export function rigDir(rig) {
    return join(RIG_ROOT, rig);
}
export function stateFile(rig) {
    return join(rigDir(rig), 'state.json');
}
export function controlSocket(rig) {
    return join(rigDir(rig), 'rig.sock');
}
export function supervisorLog(rig) {
    return join(rigDir(rig), 'supervisor.log');
}
/** What `up` hands the supervisor it starts (board count, configs, firmware entry). */
export function upSpecFile(rig) {
    return join(rigDir(rig), 'up.json');
}
/** The board's TANDEM_SIM_DIR. */
export function boardDir(rig, letter) {
    return join(rigDir(rig), 'boards', letter);
}
export function boardConfigFile(rig, letter) {
    return join(boardDir(rig, letter), 'flash', 'tandem.conf');
}
export function boardLogFile(rig, letter) {
    return join(boardDir(rig, letter), 'firmware.log');
}
export function boardConsoleSocket(rig, letter) {
    return join(boardDir(rig, letter), 'run', CONSOLE_SOCKET_NAME);
}
export function boardNamespace(rig, letter) {
    return `${NS_PREFIX}${rig}-${letter}`;
}
export function switchNamespace(rig) {
    return `${NS_PREFIX}${rig}-sw`;
}
export function cliNamespace(rig) {
    return `${NS_PREFIX}${rig}-cli`;
}
export function srvNamespace(rig) {
    return `${NS_PREFIX}${rig}-srv`;
}
/** The rig a namespace belongs to, for names the rig makes (tdm-<rig>-<role>). */
export function rigOfNamespace(ns) {
    const m = /^tdm-([a-z0-9]+)-(?:[A-D]|sw|cli|srv)$/.exec(ns);
    return m?.[1];
}
//# sourceMappingURL=paths.js.map