/**
 * Configuration checksums in FortiOS's shape (`diagnose sys ha checksum show`): one sum per
 * section over the part of the config a cluster shares, and three group sums over them. Two
 * units agree exactly when their shared configs mean the same: the text hashed is printed in
 * full (a value set to its default equals one never set), unordered tables and list values are
 * sorted, and per-unit options, blocks and entries are left out.
 */
import { createHash } from 'node:crypto';
import { printSection } from './printer.js';
/** Bytes of each sum: the first half of a SHA-256, as FortiOS shows 16 bytes. */
const SUM_BYTES = 16;
/** The first word of a section decides its group: FortiOS's global (system-wide) or root (the VDOM's) settings. */
const GROUP_OF_FIRST_WORD = {
    system: 'global',
    log: 'global',
    firewall: 'root',
    router: 'root',
};
/** `system.ha` for `config system ha`. */
export function checksumName(section) {
    return section.words.join('.');
}
/** The group of a section, by its checksum name (`system.ha`: global). */
export function checksumGroup(name) {
    const group = GROUP_OF_FIRST_WORD[name.split('.')[0] ?? ''];
    if (!group)
        throw new Error(`checksum: section ${name} belongs to no group (system, log, firewall, router)`);
    return group;
}
/** The text a section's sum is taken over: shared values only, in full, in canonical order. */
export function canonicalSection(section, tree, ctx) {
    return printSection(section, tree, ctx, { full: true, sharedOnly: true, canonical: true });
}
/** One section's sum, as `computeChecksums` lists it (a commit's base). */
export function sectionSum(section, tree, ctx) {
    return digest([Buffer.from(canonicalSection(section, tree, ctx), 'utf8')]).toString('hex');
}
export function computeChecksums(tree, schema, ctx) {
    const sections = {};
    const parts = { global: [], root: [] };
    for (const section of schema.sections) {
        const text = canonicalSection(section, tree, ctx);
        if (text === '')
            continue;
        const sum = digest([Buffer.from(text, 'utf8')]);
        const name = checksumName(section);
        sections[name] = sum.toString('hex');
        parts[checksumGroup(name)].push(sum);
    }
    const global = digest(parts.global);
    const root = digest(parts.root);
    return { global: global.toString('hex'), root: root.toString('hex'), all: digest([global, root]).toString('hex'), sections };
}
/** `7e 06 79 …`: a sum as FortiOS prints the group lines. */
export function spacedHex(sum) {
    return (sum.match(/../g) ?? []).join(' ');
}
function digest(parts) {
    const hash = createHash('sha256');
    for (const p of parts)
        hash.update(p);
    return hash.digest().subarray(0, SUM_BYTES);
}
//# sourceMappingURL=checksum.js.map