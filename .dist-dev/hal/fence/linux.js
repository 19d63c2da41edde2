/**
 * The fence on Linux: one eBPF program per fenced port and direction, attached at tcx ingress
 * (frames to the virtual MAC: forwarding and everything addressed to it) and tcx egress (frames
 * from it: ARP/ND answers, forwarded and sourced traffic), all reading one lease word that the
 * heartbeat worker writes through shared memory.
 *
 * With a pin folder on a bpffs, every link is pinned there (`fence-<ifname>-in|out`), so the
 * programs stay attached when the firmware dies without closing them (kill -9, a crash): the
 * lease they read then runs out and the kernel of a killed primary stops forwarding, as a hung
 * one does. The next start swaps its own programs into the pinned links (BPF_LINK_UPDATE, so
 * the hook is never empty) and removes pins of ports it no longer fences; a clean close
 * detaches and unpins everything.
 */
import { mkdirSync, readdirSync, statfsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { HalError } from '../errors.js';
import { E, libc } from '../libc.js';
import { attachTcx, BPF_TCX_EGRESS, BPF_TCX_INGRESS, closeFd, createLeaseMap, detachLink, loadTcxProgram, pinnedObject, pinObject, updateLink, } from './bpf.js';
import { leaseProgram } from './lease-program.js';
const BPF_FS_MAGIC = 0xcafe4a11;
const PIN_PREFIX = 'fence-';
const DIRECTIONS = [
    { dir: 'in', macOffset: 0, type: BPF_TCX_INGRESS, hook: 'ingress' },
    { dir: 'out', macOffset: 6, type: BPF_TCX_EGRESS, hook: 'egress' },
];
class BpfLeaseFence {
    map;
    pinDir;
    unpinned;
    #hooks = [];
    constructor(map, pinDir, unpinned) {
        this.map = map;
        this.pinDir = pinDir;
        this.unpinned = unpinned;
        this.revoke();
    }
    renew(untilMs) {
        const ms = Math.floor(untilMs);
        const high = Math.floor(ms / 0x1_0000_0000);
        this.map.words[1] = high;
        this.map.words[0] = ms - high * 0x1_0000_0000;
    }
    revoke() {
        this.map.words[0] = 0;
        this.map.words[1] = 0;
    }
    setPorts(ports) {
        const wanted = new Set(this.#pinned ? ports.flatMap((p) => DIRECTIONS.map((d) => this.#pinPath(p.ifname, d.dir))) : []);
        const kept = [];
        for (const h of this.#hooks) {
            if (h.path !== null && wanted.has(h.path))
                kept.push(h);
            else
                release(h);
        }
        this.#hooks = kept;
        this.#removeStalePins(wanted);
        for (const p of ports) {
            const ifindex = libc.if_nametoindex(p.ifname);
            if (ifindex === 0)
                throw new HalError(`fence ${p.name}`, 'find the interface', E.ENODEV, `no interface ${p.ifname}`);
            for (const d of DIRECTIONS) {
                const prog = loadTcxProgram(leaseProgram(this.map.fd, d.macOffset, p.mac), d.type, `tdm_fence_${d.dir}`);
                const what = `${d.hook} fence to ${p.name}`;
                try {
                    this.#hookUp(p.ifname, d.dir, prog, ifindex, d.type, what);
                }
                catch (err) {
                    closeFd(prog);
                    throw err;
                }
            }
        }
    }
    close() {
        for (const h of this.#hooks)
            release(h);
        this.#hooks = [];
        this.map.close();
    }
    get #pinned() {
        return this.pinDir !== null && this.unpinned === null;
    }
    #pinPath(ifname, dir) {
        return join(this.pinDir ?? '', `${PIN_PREFIX}${ifname}-${dir}`);
    }
    /** Puts `prog` on the hook: into the link pinned there (ours or an earlier run's), or a new link. */
    #hookUp(ifname, dir, prog, ifindex, type, what) {
        const key = this.#pinned ? this.#pinPath(ifname, dir) : null;
        const mine = key === null ? undefined : this.#hooks.find((h) => h.path === key);
        const link = mine?.link ?? (key === null ? -1 : openPinned(key));
        if (key !== null && link >= 0) {
            try {
                updateLink(link, prog, what);
                if (mine)
                    closeFd(mine.prog);
                if (mine)
                    mine.prog = prog;
                else
                    this.#hooks.push({ path: key, link, prog });
                return;
            }
            catch {
                // A link whose interface was deleted (and made again) is defunct: replace it.
                release(mine ?? { path: key, link, prog: -1 });
                this.#hooks = this.#hooks.filter((h) => h !== mine);
            }
        }
        const fresh = attachTcx(prog, ifindex, type, what);
        if (key !== null) {
            try {
                pinObject(fresh, key, what);
            }
            catch (err) {
                closeFd(fresh);
                throw err;
            }
        }
        this.#hooks.push({ path: key, link: fresh, prog });
    }
    /** Pins left by an earlier run for ports this one does not fence. */
    #removeStalePins(wanted) {
        if (!this.#pinned || this.pinDir === null)
            return;
        for (const name of readdirSync(this.pinDir)) {
            const path = join(this.pinDir, name);
            if (!name.startsWith(PIN_PREFIX) || wanted.has(path) || this.#hooks.some((h) => h.path === path))
                continue;
            const link = openPinned(path);
            if (link >= 0)
                release({ path, link, prog: -1 });
        }
    }
}
function openPinned(path) {
    try {
        return pinnedObject(path, 'fence link');
    }
    catch {
        return -1;
    }
}
/** Detaches a pinned link (an unpinned one goes with its last fd), unpins it, closes our fds. */
function release(h) {
    if (h.path !== null) {
        try {
            detachLink(h.link, `fence link ${h.path}`);
        }
        catch {
            // Already defunct (its interface is gone): nothing is attached any more.
        }
        try {
            unlinkSync(h.path);
        }
        catch {
            // Already unpinned.
        }
    }
    closeFd(h.link);
    closeFd(h.prog);
}
/** Why links cannot be pinned in `dir`, or null when they can. */
function pinProblem(dir) {
    try {
        mkdirSync(dir, { recursive: true });
        if (statfsSync(dir).type !== BPF_FS_MAGIC)
            return `${dir} is not on a bpffs`;
        return null;
    }
    catch (err) {
        return `${dir}: ${err.message}`;
    }
}
/** `pinDir`: a folder on a bpffs for the links, or null to fence without pinning. */
export function createBpfFence(pinDir) {
    return {
        open: () => {
            const map = createLeaseMap();
            const problem = pinDir === null ? 'the board has no bpffs folder' : pinProblem(pinDir);
            return new BpfLeaseFence(map, pinDir, problem);
        },
    };
}
//# sourceMappingURL=linux.js.map