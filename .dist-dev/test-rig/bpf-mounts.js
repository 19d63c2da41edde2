/**
 * A bpffs per sim board, where its self-fencing links are pinned (board.fencePins): each
 * mount of bpffs is an instance of its own, so boards never see each other's pins, and
 * unmounting it (rig down or clean) releases whatever a killed board left pinned.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { run } from './shell.js';
/** Rejects with CommandError (naming the mount) when the kernel has no bpffs. */
export async function mountBpf(dir) {
    mkdirSync(dir, { recursive: true });
    await run('mount', ['-t', 'bpf', 'bpf', dir]);
}
/** Unmounts every bpffs at or below `root` (deepest first). */
export async function unmountBpfUnder(root) {
    const prefix = root.endsWith('/') ? root : `${root}/`;
    const points = readFileSync('/proc/self/mounts', 'utf8')
        .split('\n')
        .map((line) => line.split(' '))
        .filter((f) => f[2] === 'bpf' && f[1] !== undefined && (f[1] === root || f[1].startsWith(prefix)))
        .map((f) => f[1].replace(/\\040/g, ' '))
        .sort((a, b) => b.length - a.length);
    // Lazy: a board process still being reaped must not keep the rig from going.
    for (const p of points)
        await run('umount', ['-l', p]);
}
//# sourceMappingURL=bpf-mounts.js.map