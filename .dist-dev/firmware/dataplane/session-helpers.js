/**
 * FortiOS's default session helper for FTP (`config system session-helper`: ftp on TCP 21) as
 * nftables sees it: a conntrack helper object, and a rule in forward that gives it to every new
 * connection to TCP port 21. The kernel's FTP helper then reads the control connection's PORT,
 * EPRT, PASV and EPSV lines and expects the data connection they announce, which arrives as
 * `ct state related` and passes the stateful rule ahead of the policies, so a policy that allows
 * FTP alone allows its data connections. nf_nat_ftp rewrites the announced address and port of
 * a translated control connection, and NATs its data connection the same way.
 *
 * Kernels no longer give helpers to connections by port themselves
 * (`nf_conntrack_helper` is off by default since Linux 4.7): without this rule FTP through the
 * unit works only where a policy happens to allow the data ports too.
 *
 * The rule runs on every unit, so a secondary has the helper ready when it takes over; a control
 * connection synced from the primary carries its helper in its conntrack record (session sync).
 */
/** The helper object's name, and the kernel helper it stands for. */
export const FTP_HELPER = 'ftp';
const FTP_PORT = 21;
/** The helper object's declaration inside the table; `l3proto inet` serves IPv4 and IPv6. */
export const HELPER_DECLARATION = `ct helper ${FTP_HELPER} { type "${FTP_HELPER}" protocol tcp; l3proto inet; }`;
/**
 * Forward's rule, after the established/related and invalid rules and before the TCP SYN check
 * and the policies: a non-terminal statement, so the packet meets them unchanged. A helper can
 * only be given before the connection is confirmed, that is to its first packet.
 */
export const HELPER_RULE = `meta l4proto tcp th dport ${FTP_PORT} ct state new ct helper set "${FTP_HELPER}" comment "session-helper ftp"`;
//# sourceMappingURL=session-helpers.js.map