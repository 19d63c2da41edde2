/**
 * `execute ha manage <cluster index> <admin>`: the console of another unit over the HA link
 * (control/remote-console.ts). The index is FortiOS's cluster index (ha-roles.ts), which `?`
 * and Tab list with each unit's serial; the target asks for the administrator's password
 * itself, and `exit` there returns to this unit's prompt.
 */
import { placeholder } from '../../config/choice.js';
import { commandRefused, parseFail } from '../../config/command-fail.js';
import { clusterIndexes, isStandalone } from './ha-roles.js';
export function manageNode(ha, remote) {
    const peers = () => {
        const snap = ha.snapshot();
        const index = clusterIndexes(snap.members);
        return snap.members.filter((m) => !m.self).map((m) => [index.get(m.serial) ?? 0, m.serial]);
    };
    return {
        word: 'manage',
        help: "Open another cluster unit's console over the HA link.",
        args: 'words',
        argsHelp: '<cluster index> <admin>',
        complete: (args) => {
            if (args.length === 0)
                return peers().map(([i, serial]) => ({ word: String(i), help: serial }));
            return args.length === 1 ? [placeholder('<admin>', 'Administrator name on that unit.')] : [];
        },
        run: async (args) => {
            if (!remote || isStandalone(ha.snapshot()))
                return { output: commandRefused('this unit is not in an HA cluster') };
            const [indexText, admin, ...rest] = args;
            const known = peers();
            const target = known.find(([i]) => String(i) === indexText)?.[1];
            if (!target) {
                const allowed = known.map(([i, serial]) => `${i} (${serial})`).join(', ') || 'none: no other unit is in the cluster now';
                return { output: parseFail(indexText ?? '', `cluster index: use ${allowed}`, 'value') };
            }
            if (!admin || rest.length > 0)
                return { output: parseFail(rest[0] ?? '', 'execute ha manage needs <cluster index> <admin>', 'value') };
            const session = await remote.open(target, admin);
            if (typeof session === 'string')
                return { output: session };
            if (session.opening.exit)
                return { output: session.opening.output };
            return { output: session.opening.output, remote: session };
        },
    };
}
//# sourceMappingURL=ha-manage.js.map