/**
 * An FTP server in the rig's server namespace, for expectation sessions (an FTP data
 * connection the boards' helper expects): vsftpd from Debian (scripts/ensure-tools.js installs
 * it), standalone with a configuration file of its own, anonymous and read-only, passive ports
 * in a small range, every file under the rig's state folder. It runs as a child of the process
 * that started it; stop() ends it, and in any case the rig's teardown kills whatever runs in its
 * namespaces and removes the folder, so it goes with the rig.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rigDir } from './paths.js';
import { run } from './shell.js';
import { startSrvDaemon, toolUnavailable } from './srv-daemon.js';
import { SRV_HOST } from './topology.js';
export const FTP_SERVER = SRV_HOST.address.split('/')[0];
/** The passive data ports vsftpd announces; a policy that allows FTP alone must not allow these. */
export const PASSIVE_PORTS = { min: 30000, max: 30009 };
/** vsftpd.conf for one rig; every path inside `dir`. */
function config(dir) {
    return [
        'listen=YES',
        'listen_ipv6=NO',
        `listen_address=${FTP_SERVER}`,
        // In the foreground, as the child of whoever started it.
        'background=NO',
        'anonymous_enable=YES',
        'no_anon_password=YES',
        `anon_root=${join(dir, 'pub')}`,
        'local_enable=NO',
        'write_enable=NO',
        'pasv_enable=YES',
        `pasv_min_port=${PASSIVE_PORTS.min}`,
        `pasv_max_port=${PASSIVE_PORTS.max}`,
        'connect_from_port_20=NO',
        `secure_chroot_dir=${join(dir, 'empty')}`,
        // The rig's namespaces are the isolation; vsftpd's own (new namespaces, seccomp) adds
        // nothing here and is known to fail in containers.
        'isolate=NO',
        'isolate_network=NO',
        'seccomp_sandbox=NO',
        'xferlog_enable=YES',
        'log_ftp_protocol=YES',
        `vsftpd_log_file=${join(dir, 'vsftpd.log')}`,
        'idle_session_timeout=300',
        'data_connection_timeout=60',
        'accept_timeout=60',
        '',
    ].join('\n');
}
/** Why vsftpd cannot run here, or null. */
export function vsftpdUnavailable() {
    return toolUnavailable('vsftpd', 'vsftpd');
}
/** Whether something listens on the server's TCP 21 in the server namespace. */
async function listening(ns) {
    const { stdout } = await run('ip', ['netns', 'exec', ns, 'ss', '-Hltn', `src ${FTP_SERVER}:21`]);
    return stdout.trim() !== '';
}
/**
 * Starts vsftpd in `rig`'s server namespace serving `files` (name → content) to anonymous
 * users; resolves once it listens.
 */
export async function startFtpServer(rig, files) {
    const dir = join(rigDir(rig), 'ftp');
    for (const sub of ['pub', 'empty'])
        mkdirSync(join(dir, sub), { recursive: true, mode: 0o755 });
    for (const [name, content] of Object.entries(files))
        writeFileSync(join(dir, 'pub', name), content, { mode: 0o644 });
    const conf = join(dir, 'vsftpd.conf');
    writeFileSync(conf, config(dir), { mode: 0o600 });
    const log = () => {
        try {
            return readFileSync(join(dir, 'vsftpd.log'), 'utf8');
        }
        catch {
            return '';
        }
    };
    const { stop } = await startSrvDaemon(rig, { argv: ['vsftpd', conf], listening, detail: log });
    return { dir, log, stop };
}
//# sourceMappingURL=ftp-server.js.map