/**
 * The packet filter: loads a whole nftables ruleset text in one transaction. A ruleset the
 * kernel refuses leaves the one in force untouched.
 */
export interface FirewallDevice {
  /** Resolves once the kernel holds the ruleset; rejects with HalError naming nft's complaint. */
  apply(ruleset: string): Promise<void>;
}
