/**
 * Gate for tests that need the real kernel: root (network namespaces, AF_PACKET, SCHED_FIFO)
 * and iproute2. Where these are missing a test fails in CI, where they are promised, and is
 * skipped with the reason elsewhere.
 */
import { execFileSync } from 'node:child_process';
import type { TestContext } from 'node:test';

let cached: string | null | undefined;

/** Why kernel tests cannot run here, or null when they can. */
export function kernelUnavailable(): string | null {
  if (cached !== undefined) return cached;
  if (process.platform !== 'linux') cached = `needs Linux, this is ${process.platform}`;
  else if (process.getuid?.() !== 0) cached = 'needs root (network namespaces, AF_PACKET, SCHED_FIFO)';
  else {
    try {
      execFileSync('ip', ['-V'], { stdio: 'ignore' });
      cached = null;
    } catch {
      cached = 'needs iproute2 (`ip`) on PATH';
    }
  }
  return cached;
}

/** True when `reason` is null; otherwise skips the test (or throws in CI) and returns false. */
function gate(t: TestContext, reason: string | null, what: string): boolean {
  if (reason === null) return true;
  if (process.env.CI) throw new Error(`${what} cannot run: ${reason}`);
  t.skip(reason);
  return false;
}

/** True when the test may go on; otherwise skips it (or throws in CI) and returns false. */
export function kernelAvailable(t: TestContext): boolean {
  return gate(t, kernelUnavailable(), 'kernel test');
}

/** Why tests that need the kernel and these commands (each answering `--version`) cannot run here, or null. */
function commandsUnavailable(commands: readonly { command: string; pkg: string }[]): string | null {
  const kernel = kernelUnavailable();
  if (kernel !== null) return kernel;
  for (const { command, pkg } of commands) {
    try {
      execFileSync(command, ['--version'], { stdio: 'ignore' });
    } catch {
      return `needs ${pkg} (\`${command}\`) on PATH`;
    }
  }
  return null;
}

const NFT = { command: 'nft', pkg: 'nftables' };

/** Why nftables tests cannot run here (kernel tests' needs plus `nft`), or null when they can. */
export function nftUnavailable(): string | null {
  return commandsUnavailable([NFT]);
}

/** Like kernelAvailable, for tests that also load nftables rulesets. */
export function nftAvailable(t: TestContext): boolean {
  return gate(t, nftUnavailable(), 'nft test');
}

/** Like nftAvailable, for tests that also list and flush conntrack tables (conntrack-tools). */
export function conntrackAvailable(t: TestContext): boolean {
  return gate(t, commandsUnavailable([NFT, { command: 'conntrack', pkg: 'conntrack' }]), 'conntrack test');
}

/** Like kernelAvailable, for tests that also compile a C program (gcc). */
export function gccAvailable(t: TestContext): boolean {
  return gate(t, commandsUnavailable([{ command: 'gcc', pkg: 'gcc' }]), 'gcc test');
}

/** Runs `ip -j` (optionally in namespace `ns`) and parses its JSON. */
export function ipJson(ns: string | undefined, args: string[]): unknown {
  const prefix = ns ? ['-n', ns] : [];
  return JSON.parse(execFileSync('ip', [...prefix, '-j', ...args], { encoding: 'utf8' }));
}

/** Runs an `ip` command (optionally in namespace `ns`), throwing with its stderr on failure. */
export function ipRun(ns: string | undefined, args: string[]): void {
  const prefix = ns ? ['-n', ns] : [];
  execFileSync('ip', [...prefix, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}
