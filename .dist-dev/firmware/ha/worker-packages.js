/**
 * The packages and Node builtins the heartbeat worker's modules import: its entry (worker.ts)
 * loads them before compiling the firmware's own modules ahead (compile-ahead.ts). A test
 * walks the worker's imports and holds this list to them.
 */
export const WORKER_PACKAGES = [
    'cbor-x',
    'koffi',
    'node:crypto',
    'node:fs',
    'node:path',
    'node:util',
    'node:worker_threads',
];
//# sourceMappingURL=worker-packages.js.map