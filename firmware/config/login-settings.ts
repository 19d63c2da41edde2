/**
 * What a console login needs from the configuration: the administrators with their stored
 * passwords (`config system admin`) and the lockout after failed logins (`config system
 * global`: `admin-lockout-threshold`, `admin-lockout-duration`).
 */
import { sectionKey } from './schema.js';
import { systemAdmin } from './schema-admin.js';
import { systemGlobal } from './schema-system.js';
import { type ConfigTree, optionValue, tableEntries } from './tree.js';

export interface LoginSettings {
  /** Failed logins in a row that lock the login out. */
  lockoutThreshold: number;
  /** How long a lockout lasts, in seconds. */
  lockoutDurationS: number;
  /** Each administrator's stored password: a hash (admin-password.ts), or '' for none. */
  admins: ReadonlyMap<string, string>;
}

export function loginSettingsFromTree(tree: ConfigTree): LoginSettings {
  const global = tree.get(sectionKey(systemGlobal.words));
  if (global?.kind !== 'section') throw new Error('config tree: no section system global');
  return {
    lockoutThreshold: Number(optionValue(global, 'admin-lockout-threshold')[0]),
    lockoutDurationS: Number(optionValue(global, 'admin-lockout-duration')[0]),
    admins: new Map(tableEntries(tree, systemAdmin).map((e) => [e.name, optionValue(e.node, 'password')[0]])),
  };
}
