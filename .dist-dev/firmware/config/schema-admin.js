/**
 * `config system admin`: who may log in on the console. FortiOS's factory config has one
 * administrator, `admin`, with an empty password and the `super_admin` profile; logging in with
 * the empty password forces a new one (firmware/console/login.ts). Tandem has one profile, so
 * every administrator is a super_admin. Administrators are part of the cluster's shared
 * configuration, as in FGCP.
 */
import { adminPasswordKind } from './admin-password.js';
import { ConfigError } from './errors.js';
import { stringKind } from './kinds.js';
import { quotedChoiceKind } from './kinds-net.js';
import { sectionKey } from './schema.js';
import { tableEntries } from './tree.js';
/** FortiOS's factory administrator. */
export const DEFAULT_ADMIN = 'admin';
export const systemAdmin = {
    words: ['system', 'admin'],
    help: 'Administrator accounts.',
    node: {
        kind: 'table',
        key: stringKind({ min: 1, max: 64, chars: { test: /^[A-Za-z0-9._@-]$/, text: "letters, digits, '-', '_', '.', '@'" } }),
        defaultEntries: [DEFAULT_ADMIN],
        entry: {
            kind: 'section',
            options: [
                {
                    name: 'accprofile',
                    kind: quotedChoiceKind(['super_admin']),
                    default: ['super_admin'],
                    help: 'Access profile: super_admin (full access), the one profile Tandem has.',
                },
                {
                    name: 'password',
                    kind: adminPasswordKind(128),
                    default: [''],
                    help: 'Login password, stored as a salted hash; empty forces a new one at the next login.',
                },
            ],
        },
    },
};
/** Without an administrator nobody could log in on the console again. */
export const needsAnAdmin = (tree) => tree.has(sectionKey(systemAdmin.words)) && tableEntries(tree, systemAdmin).length === 0
    ? new ConfigError({
        code: 'rule',
        path: [`config ${sectionKey(systemAdmin.words)}`],
        option: 'admin',
        reason: 'at least one administrator must remain, or nobody can log in',
    })
    : undefined;
//# sourceMappingURL=schema-admin.js.map