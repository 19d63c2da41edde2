/**
 * A syslog server in the rig's server namespace, for the boards' `config log syslogd setting`:
 * Debian's rsyslogd (scripts/ensure-tools.js installs it) in the foreground with a
 * configuration of its own: UDP 514 on the server's address, every message written raw, one a
 * line, to a file in the rig's state folder; started and stopped as srv-daemon.ts says.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rigDir } from './paths.js';
import { run } from './shell.js';
import { startSrvDaemon, toolUnavailable } from './srv-daemon.js';
import { SRV_HOST } from './topology.js';
export const SYSLOG_SERVER = SRV_HOST.address.split('/')[0];
export const SYSLOG_PORT = 514;
function config(dir) {
    return [
        `global(workDirectory="${dir}")`,
        'module(load="imudp")',
        `input(type="imudp" address="${SYSLOG_SERVER}" port="${SYSLOG_PORT}")`,
        'template(name="raw" type="string" string="%rawmsg%\\n")',
        `action(type="omfile" file="${join(dir, 'messages')}" template="raw")`,
        '',
    ].join('\n');
}
/** Why rsyslogd cannot run here, or null. */
export function rsyslogUnavailable() {
    return toolUnavailable('rsyslogd', 'rsyslog');
}
async function listening(ns) {
    const { stdout } = await run('ip', ['netns', 'exec', ns, 'ss', '-Hlun', `src ${SYSLOG_SERVER}:${SYSLOG_PORT}`]);
    return stdout.trim() !== '';
}
/** Starts rsyslogd in `rig`'s server namespace; resolves once it listens. */
export async function startSyslogServer(rig) {
    const dir = join(rigDir(rig), 'syslog');
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const conf = join(dir, 'rsyslog.conf');
    writeFileSync(conf, config(dir), { mode: 0o600 });
    const { stop } = await startSrvDaemon(rig, {
        argv: ['rsyslogd', '-n', '-f', conf, '-i', join(dir, 'rsyslogd.pid')],
        listening,
    });
    const lines = () => {
        try {
            return readFileSync(join(dir, 'messages'), 'utf8')
                .split('\n')
                .filter((l) => l !== '');
        }
        catch {
            return [];
        }
    };
    return { lines, stop };
}
//# sourceMappingURL=syslog-server.js.map