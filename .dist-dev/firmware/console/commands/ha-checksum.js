import { checksumGroup, spacedHex } from '../../config/checksum.js';
import { isStandalone, selfMember } from './ha-roles.js';
/** The whole block, or only the section lines of one group (`show global`). */
export function renderChecksumShow(config, snap, group) {
    const { debugzone, checksum } = config.checksums();
    if (group)
        return sectionLines(checksum, group).join('');
    const primary = isStandalone(snap) || selfMember(snap)?.state === 'work' ? 1 : 0;
    return [
        `is_manage_primary()=${primary}, is_root_primary()=${primary}\n`,
        ...groupBlock('debugzone', debugzone),
        '\n',
        ...groupBlock('checksum', checksum),
        '\n',
        ...sectionLines(checksum),
    ].join('');
}
/** Recomputes and caches the sums; says whether the cache had drifted from the config. */
export function renderRecalculate(config) {
    const before = config.checksums().debugzone;
    const after = config.recalculate();
    const drift = before.all === after.all
        ? 'debugzone matched the configuration\n'
        : `debugzone differed from the configuration (all was ${spacedHex(before.all)})\n`;
    return [`checksums recalculated\n${drift}`, ...groupBlock('debugzone', after)].join('');
}
function groupBlock(title, sums) {
    return [
        `${title}\n`,
        `global: ${spacedHex(sums.global)}\n`,
        `root: ${spacedHex(sums.root)}\n`,
        `all: ${spacedHex(sums.all)}\n`,
    ];
}
function sectionLines(sums, group) {
    return Object.entries(sums.sections)
        .filter(([name]) => group === undefined || checksumGroup(name) === group)
        .map(([name, sum]) => `${name}: ${sum}\n`);
}
//# sourceMappingURL=ha-checksum.js.map