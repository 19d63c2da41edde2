import { SLOTS } from '../../boot/boot-state.js';
import { parseFail } from '../../config/command-fail.js';
const UNAVAILABLE = 'Command fail. This unit has no firmware slots (it was not started by the boot selector).\n';
export const REPLACE_QUESTION = 'This operation will replace the current firmware version!\nDo you want to continue? (y/n)';
function nextBoot(images) {
    const s = images.slots.state();
    return s.trial !== null && s.tries < 1 ? s.trial : s.active;
}
export function renderFlashList(images) {
    if (!images)
        return UNAVAILABLE;
    const { slots, probation } = images;
    const next = nextBoot(images);
    const rows = SLOTS.map((slot) => {
        const i = slots.image(slot);
        const image = i.image ? `tandem-${i.image.version}-linux-${i.image.arch}` : `(${i.problem})`;
        const size = i.image ? String(Math.round(i.image.bytes / 1024)) : '-';
        const files = i.image ? String(i.image.files) : '-';
        const yes = (b) => (b ? 'Yes' : 'No');
        return [slot, image, size, files, yes(slot === slots.running), yes(slot === next)];
    });
    const head = ['Slot', 'Image', 'Size(KB)', 'Files', 'Active', 'Next boot'];
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)) + 2);
    const line = (cells) => `${cells
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('')
        .trimEnd()}\n`;
    const state = slots.state();
    let trial = 'Trial: none\n';
    if (probation.state === 'on-trial') {
        const waiting = probation.waitingFor ?? 'checking';
        trial = `Trial: slot ${slots.running} running for ${(probation.elapsedMs / 1000).toFixed(0)} s, not yet confirmed (${waiting})\n`;
    }
    else if (state.trial !== null) {
        trial = `Trial: slot ${state.trial} boots next, once; confirmed if healthy, else slot ${state.active} boots again\n`;
    }
    return `${line(head)}${rows.map(line).join('')}${trial}`;
}
export function restoreImageNode(images) {
    return {
        word: 'image',
        help: 'Install a firmware image into the inactive slot and restart into it.',
        args: 'words',
        argsHelp: '<file|url>',
        run: (args) => {
            if (!images)
                return { output: UNAVAILABLE };
            if (args.length !== 1) {
                return {
                    output: parseFail(args[1] ?? '', 'execute restore image needs one <file|url>: a path on this unit or an http(s) URL', 'value'),
                };
            }
            const source = args[0];
            return {
                output: '',
                confirm: { question: REPLACE_QUESTION, onYes: async () => ({ output: await images.restore(source) }) },
            };
        },
    };
}
//# sourceMappingURL=firmware-image.js.map