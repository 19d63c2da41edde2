/**
 * Power loss: all the board's cables go dark and its firmware dies (SIGKILL) together. A
 * worker thread at SCHED_FIFO (power-cut-worker.ts) sets the switch-side ends down by
 * rtnetlink and sends the kill at once, so neither a process start nor a preempting board
 * thread lies between them (measured as `spreadMs`: the cut runs from `startMs` to `doneMs`).
 *
 * Cables first, then the kill: the kernel's teardown of a killed process's sockets holds the
 * locks link changes need, and measured kill-first cuts let the cables lag by up to 8 ms.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RigError } from './errors.js';
import { switchNamespace } from './paths.js';
import { switchPortName } from './topology.js';
const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'power-cut-worker.js');
/** Above the boards' heartbeat threads (50). */
const CUT_PRIORITY = 60;
/** Sets `cables` down at the switch and kills the board, as close together as it can. */
export async function cutPower(rig, board, cables) {
    const job = {
        ns: switchNamespace(rig),
        ifnames: cables.map(switchPortName),
        pid: board.running ? board.pid : null,
        priority: CUT_PRIORITY,
    };
    const worker = new Worker(WORKER, { workerData: job });
    try {
        return await new Promise((resolve, reject) => {
            worker.on('error', reject);
            worker.on('exit', () => reject(new RigError(`board ${board.letter}: the power cut ended without an answer`)));
            worker.on('message', (m) => {
                if (m === 'ready')
                    worker.postMessage('go');
                else if ('error' in m)
                    reject(new RigError(`board ${board.letter}: power cut failed: ${m.error}`));
                else
                    resolve(m);
            });
        });
    }
    finally {
        await worker.terminate();
    }
}
//# sourceMappingURL=power-loss.js.map