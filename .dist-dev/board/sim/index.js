/**
 * The simulated board the test rig runs inside a network namespace. Its devices are rig
 * resources: interfaces named like the front panel, a pty for the console, folders for LEDs and
 * flash, a FIFO for the watchdog with its `bootstatus` beside it, and a kernel boot id the rig
 * renews at every start (each start of a sim board is a boot). The rig passes the board's
 * folder and serial in the environment; the same drivers as on real hardware run against them.
 */
import { join } from 'node:path';
import { BoardError } from '../errors.js';
export function simBoard(env) {
    return {
        name: 'sim',
        model: 'TANDEM-SIM',
        serial: { value: env.serial },
        ports: [
            { name: 'port1', ifname: 'port1', role: 'data' },
            { name: 'port2', ifname: 'port2', role: 'data' },
            { name: 'port3', ifname: 'port3', role: 'sync' },
            { name: 'ha1', ifname: 'ha1', role: 'heartbeat' },
            { name: 'ha2', ifname: 'ha2', role: 'heartbeat' },
            // Last, so the data ports' indexes (and so their virtual MACs) stay as they were.
            { name: 'mgmt', ifname: 'mgmt', role: 'mgmt' },
        ],
        leds: [
            { role: 'status', driver: 'sysfs', colours: { green: 'status:green' } },
            { role: 'ha', driver: 'sysfs', colours: { green: 'ha:green', amber: 'ha:amber', red: 'ha:red' } },
            { role: 'sync', driver: 'sysfs', colours: { green: 'sync:green' } },
        ],
        ledRoot: join(env.dir, 'leds'),
        watchdog: {
            device: join(env.dir, 'watchdog'),
            bootStatus: join(env.dir, 'watchdog-bootstatus'),
            timeoutS: 10,
            maxMainLagMs: 3000,
            maxWorkerStallMs: 2000,
        },
        kernelBootId: join(env.dir, 'kernel-boot-id'),
        fencePins: join(env.dir, 'bpf'),
        console: { tty: env.tty, baudRate: 115200 },
        storage: {
            config: join(env.dir, 'flash', 'tandem.conf'),
            eventLog: join(env.dir, 'flash', 'events.log'),
            bootId: join(env.dir, 'flash', 'boot-id'),
            runRecord: join(env.dir, 'flash', 'run-record'),
        },
        // A short bound: the rig's rollback test waits for it.
        boot: { dir: join(env.dir, 'flash'), releaseKey: join(env.dir, 'flash', 'release-key.pem'), healthBoundS: 20 },
        runDir: join(env.dir, 'run'),
    };
}
export function simEnvironmentFromProcess(env) {
    const need = (key) => {
        const v = env[key];
        if (!v)
            throw new BoardError('sim', `sim board: ${key} is not set (the test rig sets it)`);
        return v;
    };
    return { dir: need('TANDEM_SIM_DIR'), serial: need('TANDEM_SIM_SERIAL'), tty: need('TANDEM_SIM_TTY') };
}
//# sourceMappingURL=index.js.map