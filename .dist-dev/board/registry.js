/** The boards this firmware knows, by name. */
import { BoardError } from './errors.js';
import { nanopiR4s } from './nanopi-r4s/index.js';
import { simBoard, simEnvironmentFromProcess } from './sim/index.js';
export const BOARD_NAMES = ['sim', 'nanopi-r4s'];
export function boardByName(name, env) {
    switch (name) {
        case 'sim':
            return simBoard(simEnvironmentFromProcess(env));
        case 'nanopi-r4s':
            return nanopiR4s;
        default:
            throw new BoardError(name, `unknown board "${name}", known: ${BOARD_NAMES.join(', ')}`);
    }
}
/** Reads the unit's serial number from where the board keeps it. */
export function readSerial(board, readFile) {
    if ('value' in board.serial)
        return board.serial.value;
    const raw = readFile(board.serial.file);
    if (!raw)
        throw new BoardError(board.name, `board ${board.name}: no serial number in ${board.serial.file}`);
    return raw.replace(/\0/g, '').trim().slice(0, 16);
}
//# sourceMappingURL=registry.js.map