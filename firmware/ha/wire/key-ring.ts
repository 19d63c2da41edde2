/**
 * The keys a unit seals and opens its HA frames with (heartbeats, session sync, control): one
 * slot normally, two during a coordinated key change, when the new key is accepted while the old
 * one still authenticates (docs/config-sync-plan.md §6).
 */

/** What decides a frame's keys and group: `config system ha`'s group-id, group-name, password and encryption. */
export interface KeySpec {
  groupId: number;
  groupName: string;
  /** In clear: the keys derive from it. */
  password: string;
  encryption: boolean;
}

export interface KeyRingSpec {
  /** One or two slots; frames open with any of them. */
  slots: readonly KeySpec[];
  /** The slot frames are sealed with. */
  send: 0 | 1;
}
