/**
 * Counts, on the switch side, the frames each board sends with the virtual MAC as source: an
 * nftables bridge table in the switch namespace with one counter per board and data port.
 * Forwarded packets, ARP/ND answers and announcements all leave a primary with that source.
 */
import { virtualMac } from '../../firmware/takeover/virtual-mac.js';
import { formatMac } from '../../lib/ethernet.js';
import { switchNamespace } from '../paths.js';
import { run } from '../shell.js';
const TABLE = 'tdm_vmac_watch';
const PORTS = ['port1', 'port2'];
export class VmacCounters {
    rig;
    boards;
    constructor(rig, boards) {
        this.rig = rig;
        this.boards = boards;
    }
    static async start(rig, groupId, boards) {
        const rules = boards.flatMap((b) => PORTS.map((p, i) => `    iifname "${b}-${p}" ether saddr ${formatMac(virtualMac(groupId, 0, i))} counter comment "${b}"`));
        const script = [
            `table bridge ${TABLE} {`,
            '  chain in {',
            '    type filter hook prerouting priority -300; policy accept;',
            ...rules,
            '  }',
            '}',
        ].join('\n');
        await run('ip', ['netns', 'exec', switchNamespace(rig), 'nft', '-f', '-'], script);
        return new VmacCounters(rig, boards);
    }
    /** Frames sent with the virtual MAC so far, per board. */
    async read() {
        const { stdout } = await run('ip', [
            'netns',
            'exec',
            switchNamespace(this.rig),
            'nft',
            '-j',
            'list',
            'table',
            'bridge',
            TABLE,
        ]);
        const out = Object.fromEntries(this.boards.map((b) => [b, 0]));
        const items = JSON.parse(stdout).nftables;
        for (const item of items) {
            const r = item.rule;
            const packets = r?.expr.find((e) => e.counter)?.counter?.packets;
            if (r?.comment && packets !== undefined)
                out[r.comment] = (out[r.comment] ?? 0) + packets;
        }
        return out;
    }
    async stop() {
        await run('ip', ['netns', 'exec', switchNamespace(this.rig), 'nft', 'delete', 'table', 'bridge', TABLE]).catch(() => { });
    }
}
//# sourceMappingURL=vmac-counters.testkit.js.map