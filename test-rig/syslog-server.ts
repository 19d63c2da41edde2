/**
 * A syslog server in the rig's server namespace, for the boards' `config log syslogd setting`:
 * Debian's rsyslogd (scripts/ensure-tools.js installs it) in the foreground with a
 * configuration of its own: UDP 514 on the server's address, every message written raw, one a
 * line, to a file in the rig's state folder. It runs as a child of the process that started
 * it; stop() ends it, and the rig's teardown kills whatever runs in its namespaces anyway.
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

export const SYSLOG_SERVER = SRV_HOST.address.split('/')[0] as string;
export const SYSLOG_PORT = 514;
const READY_TIMEOUT_MS = 5000;

export interface SyslogServer {
  /** Every message received so far, as sent (one a line). */
  lines(): string[];
  stop(): Promise<void>;
}

function config(dir: string): string {
  return [
    'global(workDirectory="' + dir + '")',
    'module(load="imudp")',
    `input(type="imudp" address="${SYSLOG_SERVER}" port="${SYSLOG_PORT}")`,
    'template(name="raw" type="string" string="%rawmsg%\\n")',
    `action(type="omfile" file="${join(dir, 'messages')}" template="raw")`,
    '',
  ].join('\n');
}

/** Why rsyslogd cannot run here, or null. */
export async function rsyslogUnavailable(): Promise<string | null> {
  try {
    await run('sh', ['-c', 'command -v rsyslogd']);
    return null;
  } catch {
    return 'needs rsyslogd (Debian package rsyslog; scripts/ensure-tools.js installs it)';
  }
}

async function listening(ns: string): Promise<boolean> {
  const { stdout } = await run('ip', ['netns', 'exec', ns, 'ss', '-Hlun', `src ${SYSLOG_SERVER}:${SYSLOG_PORT}`]);
  return stdout.trim() !== '';
}

/** Starts rsyslogd in `rig`'s server namespace; resolves once it listens. */
export async function startSyslogServer(rig: string): Promise<SyslogServer> {
  const ns = srvNamespace(rig);
  const dir = join(rigDir(rig), 'syslog');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const conf = join(dir, 'rsyslog.conf');
  writeFileSync(conf, config(dir), { mode: 0o600 });
  let exited: string | null = null;
  const child: ChildProcess = spawn('ip', ['netns', 'exec', ns, 'rsyslogd', '-n', '-f', conf, '-i', join(dir, 'rsyslogd.pid')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
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
  const stop = async () => {
    if (child.pid !== undefined) signalQuietly(child.pid, 'SIGKILL');
    const { stdout } = await run('ip', ['netns', 'pids', ns]).catch(() => ({ stdout: '' }));
    for (const pid of stdout.split(/\s+/).filter(Boolean)) {
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('rsyslog')) signalQuietly(Number(pid), 'SIGKILL');
      } catch {
        // gone already
      }
    }
  };
  const lines = () => {
    try {
      return readFileSync(join(dir, 'messages'), 'utf8')
        .split('\n')
        .filter((l) => l !== '');
    } catch {
      return [];
    }
  };
  for (const until = Date.now() + READY_TIMEOUT_MS; !(await listening(ns)); await sleep(50)) {
    if (exited !== null || Date.now() > until) {
      await stop();
      throw new RigError(`rsyslogd did not start in ${ns} (${exited ?? 'not listening'}): ${stderr.trim()}`);
    }
  }
  return { lines, stop };
}
