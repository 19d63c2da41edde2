/**
 * What a console commit asks of the commit gate (docs/config-sync-plan.md §3): the shared
 * section the draft changes, as the candidate prints it, with the sum it started from (the
 * primary refuses it when its own moved since), whether a key field changed (the gate runs
 * the key change first) and whether only per-unit values changed (such a commit stays local).
 */
import { keySpecOf, sameKeySpec } from '../ha/wire/key-ring.js';
import { canonicalSection, checksumName } from './checksum.js';
import { sharedSections } from './per-unit.js';
import { haSettingsFromTree } from './settings-from-tree.js';
/**
 * `section` edited: `current` is the config now, `next` the same with the draft in place (both
 * checked), `base` the section's sum when the edit began.
 */
export function commitProposal(section, current, next, base, schema, ctx) {
    const name = checksumName(section);
    const shared = canonicalSection(section, current, ctx) !== canonicalSection(section, next, ctx);
    const before = keySpecOf(haSettingsFromTree(current, ctx));
    const after = keySpecOf(haSettingsFromTree(next, ctx));
    const keysChanged = !sameKeySpec(before, after);
    return {
        sections: shared ? sharedSections(next, schema, ctx, [name]) : [],
        base: shared ? { [name]: base } : {},
        keysChanged,
        ...(keysChanged ? { nextKeys: after } : {}),
        perUnitOnly: !shared,
    };
}
//# sourceMappingURL=commit-proposal.js.map