/**
 * The data plane as the runtime applies it: interfaces and their addresses, static routes,
 * and the firewall objects and policies the nftables renderer turns into one ruleset. Read
 * from a checked tree by data-plane-from-tree.ts, so every name a policy or route uses exists.
 */
/** The address that matches anything in `srcaddr` / `dstaddr`. */
export const ANY_ADDRESS = 'all';
/** The service that matches any traffic. */
export const ANY_SERVICE = 'ALL';
//# sourceMappingURL=data-plane.js.map