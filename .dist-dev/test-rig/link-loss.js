/**
 * Random frame loss on the rig's cables: an nftables bridge-family table in the switch
 * namespace drops a share of the frames entering the switch from a lossy cable or leaving on
 * one, picked by `numgen random`. A frame meets at most one loss, that of the first lossy
 * port on its way (its ingress port, else its egress), so a link lossy at both ends loses
 * its share of frames once, not twice.
 */
import { spawn } from 'node:child_process';
import { CommandError, RigError } from './errors.js';
import { switchNamespace } from './paths.js';
import { monotonicMs } from './processes.js';
import { switchPortName } from './topology.js';
export const LOSS_TABLE = 'tandem_loss';
/** numgen draws from 0..SCALE-1: percents in steps of 0.01. */
const SCALE = 10_000;
/** A loss percent as given: 0 to 100 in steps of 0.01. */
export function checkLossPercent(value, link) {
    if (value === undefined)
        throw new RigError(`loss on ${link}: give a percent from 0 to 100`);
    if (!(value >= 0 && value <= 100) || Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) {
        throw new RigError(`loss ${value} on ${link} is not allowed: use a percent from 0 to 100, in steps of 0.01`);
    }
    return Math.round(value * 100) / 100;
}
const NFT_READY_MS = 30;
/**
 * Runs an nft script in `ns`. nft is started first and handed the script once it waits on
 * its input, so only parsing and the commit lie between the hand-over and the effect.
 */
async function applyNft(ns, script) {
    const nft = spawn('ip', ['netns', 'exec', ns, 'nft', '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    nft.stderr.on('data', (c) => (stderr += c));
    nft.stdin.on('error', () => { });
    const exited = new Promise((resolve, reject) => {
        nft.on('error', reject);
        nft.on('exit', (code) => resolve(code));
    });
    await new Promise((r) => setTimeout(r, NFT_READY_MS));
    nft.stdin.end(script);
    const handedMs = monotonicMs();
    const code = await exited;
    if (code !== 0)
        throw new CommandError(`ip netns exec ${ns} nft -f -`, code, stderr);
    return { handedMs };
}
const quoted = (names) => `{ ${names.map((n) => `"${n}"`).join(', ')} }`;
/** The nft script that makes the table hold exactly `percents` (switch port → percent), atomically. */
export function lossRuleset(percents) {
    const lines = [`table bridge ${LOSS_TABLE}`, `delete table bridge ${LOSS_TABLE}`];
    const groups = new Map();
    for (const [port, percent] of percents) {
        if (percent > 0)
            groups.set(percent, [...(groups.get(percent) ?? []), port]);
    }
    if (groups.size === 0)
        return `${lines.join('\n')}\n`;
    const chain = (percent) => `loss_${Math.round(percent * 100)}`;
    lines.push(`table bridge ${LOSS_TABLE} {`);
    for (const percent of groups.keys()) {
        const verdict = percent >= 100 ? 'drop' : `numgen random mod ${SCALE} < ${Math.round(percent * 100)} drop`;
        lines.push(`  chain ${chain(percent)} {`, `    ${verdict}`, '    accept', '  }');
    }
    lines.push('  chain forward {', '    type filter hook forward priority filter; policy accept;');
    for (const [percent, ports] of groups)
        lines.push(`    iifname ${quoted(ports.sort())} jump ${chain(percent)}`);
    for (const [percent, ports] of groups)
        lines.push(`    oifname ${quoted(ports.sort())} jump ${chain(percent)}`);
    lines.push('  }', '}');
    return `${lines.join('\n')}\n`;
}
/** The loss set on a rig's cables; each change rewrites the whole table in one transaction. */
export class LinkLoss {
    rig;
    percents = new Map();
    constructor(rig) {
        this.rig = rig;
    }
    /**
     * Sets the loss of `cables` (0 removes it). Resolves to when nft was handed the new rules:
     * they take effect 1-2 ms later (measured against the prober's probes), while nft's exit is
     * seen 6-20 ms later.
     */
    async set(cables, percent) {
        const next = new Map(this.percents);
        for (const c of cables) {
            if (percent > 0)
                next.set(switchPortName(c), percent);
            else
                next.delete(switchPortName(c));
        }
        const { handedMs } = await applyNft(switchNamespace(this.rig), lossRuleset(next));
        this.percents.clear();
        for (const [port, p] of next)
            this.percents.set(port, p);
        return handedMs;
    }
    /** Switch port → percent, for the cables that lose frames now. */
    current() {
        return Object.fromEntries(this.percents);
    }
}
//# sourceMappingURL=link-loss.js.map