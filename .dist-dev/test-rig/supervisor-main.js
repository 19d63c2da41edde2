/** Entry of the detached supervisor process: `node supervisor-main.js <rig>`. */
import { checkRigName } from './paths.js';
import { runSupervisor } from './supervisor.js';
await runSupervisor(checkRigName(process.argv[2] ?? ''));
//# sourceMappingURL=supervisor-main.js.map