/**
 * What a console login needs from the configuration: the administrators with their stored
 * passwords (`config system admin`) and the lockout after failed logins (`config system
 * global`: `admin-lockout-threshold`, `admin-lockout-duration`).
 */
import { sectionKey } from './schema.js';
import { systemAdmin } from './schema-admin.js';
import { systemGlobal } from './schema-system.js';
import { optionValue, tableEntries } from './tree.js';
export function loginSettingsFromTree(tree) {
    const global = tree.get(sectionKey(systemGlobal.words));
    if (global?.kind !== 'section')
        throw new Error('config tree: no section system global');
    return {
        lockoutThreshold: Number(optionValue(global, 'admin-lockout-threshold')[0]),
        lockoutDurationS: Number(optionValue(global, 'admin-lockout-duration')[0]),
        admins: new Map(tableEntries(tree, systemAdmin).map((e) => [e.name, optionValue(e.node, 'password')[0]])),
    };
}
//# sourceMappingURL=login-settings.js.map