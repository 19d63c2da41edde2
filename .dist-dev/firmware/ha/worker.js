/**
 * Entry point of the heartbeat worker process (started by worker-process.ts). It loads the
 * worker's modules with their functions compiled ahead, so that the first failover of this
 * process runs compiled code (compile-ahead.ts), then runs the worker (worker-root.ts).
 */
import { importCompiledAhead } from '../compile-ahead.js';
import { WORKER_PACKAGES } from './worker-packages.js';
const root = await importCompiledAhead(new URL('./worker-root.js', import.meta.url), WORKER_PACKAGES);
root.runWorker();
//# sourceMappingURL=worker.js.map