/**
 * A packet filter for tests: holds the ruleset in force, as the kernel does. It fails the way
 * `nft -f` does: a ruleset refused (`refuse`: nft's complaint) rejects with HalError and leaves
 * the one in force untouched.
 */
import { HalError } from '../errors.js';
import type { FirewallDevice } from './index.js';

export class FakeFirewall implements FirewallDevice {
  /** The ruleset in force ('' before the first). */
  ruleset = '';
  /** Every ruleset offered, in order. */
  readonly offered: string[] = [];
  /** nft's complaint about the rulesets offered from now on, or null to take them. */
  refuse: string | null = null;

  async apply(ruleset: string): Promise<void> {
    this.offered.push(ruleset);
    if (this.refuse !== null) throw new HalError('nftables', 'apply', 0, `nft -f exited 1: ${this.refuse}`);
    this.ruleset = ruleset;
  }
}
