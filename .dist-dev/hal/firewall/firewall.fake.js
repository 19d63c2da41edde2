/**
 * A packet filter for tests: holds the ruleset in force, as the kernel does. It fails the way
 * `nft -f` does: a ruleset refused (`refuse`: nft's complaint) rejects with HalError and leaves
 * the one in force untouched.
 */
import { HalError } from '../errors.js';
export class FakeFirewall {
    /** The ruleset in force ('' before the first). */
    ruleset = '';
    /** Every ruleset offered, in order. */
    offered = [];
    /** nft's complaint about the rulesets offered from now on, or null to take them. */
    refuse = null;
    async apply(ruleset) {
        this.offered.push(ruleset);
        if (this.refuse !== null)
            throw new HalError('nftables', 'apply', 0, `nft -f exited 1: ${this.refuse}`);
        this.ruleset = ruleset;
    }
}
//# sourceMappingURL=firewall.fake.js.map