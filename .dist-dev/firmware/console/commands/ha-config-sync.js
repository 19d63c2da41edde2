import { spacedHex } from '../../config/checksum.js';
import { differingSections } from '../../control/sums-diff.js';
import { primaryOf } from '../../ha/snapshot.js';
import { formatAgo } from '../format.js';
import { clusterIndexes } from './ha-roles.js';
/** `Configuration Status:` and one line per unit: `FGT-A(updated 3 s ago): in-sync`. */
export function configStatusLines(members) {
    return [
        'Configuration Status:',
        ...members.map((m) => {
            const updated = m.self ? '' : `(updated ${formatAgo(m.updatedAgoMs)} ago)`;
            const reason = m.reason && m.state !== 'in-sync' ? ` (${m.reason})` : '';
            return `    ${m.serial}${updated}: ${m.state}${reason}`;
        }),
    ];
}
const DIFFERS = ' <--- differs';
/**
 * Every member's sums in cluster-index order, the peers' asked over the control channel. Lines
 * differing from the primary's (this unit's when there is none) end with a marker, and a last
 * line names the sections that differ.
 */
export async function renderChecksumCluster(config, sync, snap) {
    const index = clusterIndexes(snap.members);
    const ordered = [...snap.members].sort((a, b) => (index.get(a.serial) ?? 0) - (index.get(b.serial) ?? 0));
    const answers = await Promise.all(ordered.map(async (m) => {
        if (m.self)
            return { serial: m.serial, sums: config.checksums() };
        const got = sync ? await sync.requestSums(m.serial) : null;
        return { serial: m.serial, sums: got && { debugzone: got.debugzone, checksum: got.checksum } };
    }));
    const primarySerial = primaryOf(snap) ?? snap.serial;
    const reference = answers.find((a) => a.serial === primarySerial)?.sums?.checksum ?? config.checksums().checksum;
    const out = [];
    const differing = new Set();
    for (const a of answers) {
        out.push(`================== ${a.serial} ==================\n`);
        if (!a.sums) {
            out.push(sync ? '(no answer in 1 s)\n' : '(config sync is not running)\n');
            continue;
        }
        out.push(...block('debugzone', a.sums.debugzone, reference), '\n', ...block('checksum', a.sums.checksum, reference), '\n');
        for (const name of differingSections(reference, a.sums.checksum))
            differing.add(name);
    }
    out.push(differing.size === 0 ? 'all units in sync\n' : `sections that differ: ${[...differing].sort().join(', ')}\n`);
    return out.join('');
}
function block(title, sums, reference) {
    const line = (name) => `${name}: ${spacedHex(sums[name])}${sums[name] === reference[name] ? '' : DIFFERS}\n`;
    return [`${title}\n`, line('global'), line('root'), line('all')];
}
//# sourceMappingURL=ha-config-sync.js.map