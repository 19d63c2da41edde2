/**
 * A worker thread for the driver's tests (linux.test.ts): opens a notifier for
 * `workerData.socket` on its own thread, sends `workerData.state` and posts the errno, to show
 * that a notification from a thread carries the process's pid (what NotifyAccess=main checks).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinuxNotify } from './linux.js';
const { socket, state } = workerData;
const notifier = createLinuxNotify().open(socket);
parentPort?.postMessage(notifier.send(state));
notifier.close();
//# sourceMappingURL=thread.testkit.js.map