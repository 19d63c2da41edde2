/**
 * An FTP server in the rig's server namespace, for expectation sessions (an FTP data
 * connection the boards' helper expects): vsftpd from Debian (scripts/ensure-tools.js installs
 * it), standalone with a configuration file of its own, anonymous and read-only, passive ports
 * in a small range, every file under the rig's state folder. It runs as a child of the process
 * that started it; stop() ends it, and in any case the rig's teardown kills whatever runs in its
 * namespaces and removes the folder, so it goes with the rig.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RigError } from './errors.js';
import { rigDir, srvNamespace } from './paths.js';
import { signalQuietly } from './processes.js';
import { run } from './shell.js';
import { SRV_HOST } from './topology.js';

export const FTP_SERVER = SRV_HOST.address.split('/')[0] as string;
/** The passive data ports vsftpd announces; a policy that allows FTP alone must not allow these. */
export const PASSIVE_PORTS = { min: 30000, max: 30009 } as const;
const READY_TIMEOUT_MS = 5000;

export interface FtpServer {
  /** The folder of the configuration, the log and `pub/`, the anonymous root. */
  dir: string;
  /** The server's log (vsftpd's own format), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** vsftpd.conf for one rig; every path inside `dir`. */
function config(dir: string): string {
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

/** Why vsftpd cannot run here (not installed: scripts/ensure-tools.js installs it), or null. */
export async function vsftpdUnavailable(): Promise<string | null> {
  try {
    await run('sh', ['-c', 'command -v vsftpd']);
    return null;
  } catch {
    return 'needs vsftpd (Debian package vsftpd; scripts/ensure-tools.js installs it)';
  }
}

/** Whether something listens on the server's TCP 21 in the server namespace. */
async function listening(ns: string): Promise<boolean> {
  const { stdout } = await run('ip', ['netns', 'exec', ns, 'ss', '-Hltn', `src ${FTP_SERVER}:21`]);
  return stdout.trim() !== '';
}

/**
 * Starts vsftpd in `rig`'s server namespace serving `files` (name → content) to anonymous
 * users; resolves once it listens.
 */
export async function startFtpServer(rig: string, files: Record<string, Uint8Array>): Promise<FtpServer> {
  const ns = srvNamespace(rig);
  const dir = join(rigDir(rig), 'ftp');
  for (const sub of ['pub', 'empty']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o755 });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'pub', name), content, { mode: 0o644 });
  const conf = join(dir, 'vsftpd.conf');
  writeFileSync(conf, config(dir), { mode: 0o600 });
  let exited: string | null = null;
  const child: ChildProcess = spawn('ip', ['netns', 'exec', ns, 'vsftpd', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.on('exit', (code, signal) => {
    exited = signal ? `killed by ${signal}` : `exit code ${code}`;
  });
  child.on('error', (e) => {
    exited = e.message;
  });
  const log = () => {
    try {
      return readFileSync(join(dir, 'vsftpd.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    // Sessions are processes of their own: every vsftpd of the namespace goes.
    const { stdout } = await run('ip', ['netns', 'pids', ns]).catch(() => ({ stdout: '' }));
    for (const pid of stdout.split(/\s+/).filter(Boolean)) {
      const comm = (() => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
        } catch {
          return '';
        }
      })();
      if (comm === 'vsftpd') signalQuietly(Number(pid), 'SIGKILL');
    }
    if (child.pid !== undefined) signalQuietly(child.pid, 'SIGKILL');
  };
  for (const until = Date.now() + READY_TIMEOUT_MS; !(await listening(ns)); await sleep(50)) {
    if (exited !== null || Date.now() > until) {
      await stop();
      throw new RigError(`vsftpd did not start in ${ns} (${exited ?? 'not listening'}): ${stderr.trim() || log()}`);
    }
  }
  return { dir, log, stop };
}
