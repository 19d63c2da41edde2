/**
 * A throwaway network namespace for the conntrack kernel tests: conntrack's hooks only run in
 * a namespace once some nftables rule uses conntrack (MEASURED.md), and the FTP helper only
 * looks at connections a rule gives it. 198.18.0.1/24 sits on one end of a veth pair, so
 * traffic to it stays inside the namespace (through lo).
 */
import { execFileSync } from 'node:child_process';
import { ipRun } from '../kernel-gate.testkit.js';
import { scratchVethPair } from '../nic/veth.testkit.js';
export const HOST = '198.18.0.1';
const RULESET = `
table inet tct {
  ct helper ftp-std { type "ftp" protocol tcp; l3proto inet; }
  chain out {
    type filter hook output priority 0; policy accept;
    tcp dport 21 ct helper set "ftp-std"
    ct state new accept
  }
  chain in {
    type filter hook input priority 0; policy accept;
    ct state established,related accept
  }
}
`;
/** Makes namespace `name` as described above; the caller deletes it (deleteNetns) whatever happens. */
export function conntrackNetns(name) {
    scratchVethPair(name, 'ct0', 'ct1');
    ipRun(name, ['addr', 'add', `${HOST}/24`, 'dev', 'ct0']);
    execFileSync('ip', ['netns', 'exec', name, 'nft', '-f', '-'], { input: RULESET, stdio: ['pipe', 'ignore', 'pipe'] });
}
//# sourceMappingURL=netns.testkit.js.map