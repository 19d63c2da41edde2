/**
 * The kernel's own floor under a failover that starts with a carrier loss: how long after the rig
 * pulls cables a board's namespace hears of it at all (a monitored port of the failing board;
 * both heartbeat ports of the survivor, for the carrier fast path). A C program, at one priority
 * above the heartbeat worker's SCHED_FIFO (so it never waits behind the worker's turn, and its
 * few microseconds per event delay the worker by no more), listens on rtnetlink in that
 * namespace and stamps each carrier change of the links on CLOCK_MONOTONIC, the clock the rig
 * stamps its faults on.
 *
 * Between the pull and that message lies kernel work no firmware can shorten: closing the
 * switch's end waits out an RCU grace period before the board's end loses its carrier, then the
 * kernel's link-event worker (a normal-priority kworker) takes RTNL, waits out another grace
 * period and only then sends the message. An outage cannot end sooner than this plus the
 * takeover's own kernel work.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SideTool, startSideTool, unavailableSideTool } from './side-tool.js';

const PROGRAM = String.raw`
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>

/* linux/if.h's IFF_LOWER_UP; that header and net/if.h cannot both be included. */
#define LOWER_UP 0x10000

static volatile sig_atomic_t stopping;
static void on_signal(int s) { (void)s; stopping = 1; }

#define WATCHED_MAX 8

int main(int argc, char **argv) {
  if (argc < 5 || argc > 4 + WATCHED_MAX) {
    fprintf(stderr, "usage: link-floor <netns file> <priority> <out file> <ifname>...\n");
    return 2;
  }
  int ns = open(argv[1], O_RDONLY | O_CLOEXEC);
  if (ns < 0 || setns(ns, CLONE_NEWNET) != 0) { perror(argv[1]); return 1; }
  int links = argc - 4;
  unsigned index[WATCHED_MAX];
  int up[WATCHED_MAX];
  for (int i = 0; i < links; i++) {
    index[i] = if_nametoindex(argv[4 + i]);
    if (index[i] == 0) { perror(argv[4 + i]); return 1; }
    up[i] = 1;
  }
  FILE *out = fopen(argv[3], "w");
  if (!out) { perror(argv[3]); return 1; }
  struct sched_param sp = { .sched_priority = atoi(argv[2]) };
  if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0 || sched_setscheduler(0, SCHED_FIFO, &sp) != 0) {
    perror("SCHED_FIFO");
    return 1;
  }
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = RTMGRP_LINK };
  if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) { perror("rtnetlink"); return 1; }
  /* No SA_RESTART: SIGINT ends the wait in recv. */
  struct sigaction act = { .sa_handler = on_signal };
  sigaction(SIGINT, &act, NULL);
  fprintf(stderr, "listening\n");
  static char buf[65536];
  while (!stopping) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    if (n < 0) {
      if (errno == EINTR) continue;
      /* Messages lost to a full socket: say so rather than miss a change silently. */
      if (errno == ENOBUFS) { fprintf(out, "overrun %.4f\n", ts.tv_sec * 1e3 + ts.tv_nsec / 1e6); continue; }
      perror("recv");
      return 1;
    }
    int left = (int)n;
    for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
      if (h->nlmsg_type != RTM_NEWLINK) continue;
      struct ifinfomsg *ifi = NLMSG_DATA(h);
      for (int i = 0; i < links; i++) {
        if ((unsigned)ifi->ifi_index != index[i]) continue;
        int now = (ifi->ifi_flags & LOWER_UP) != 0;
        if (now != up[i]) fprintf(out, "%s %s %.4f\n", now ? "up" : "down", argv[4 + i], ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
        up[i] = now;
      }
    }
  }
  fclose(out);
  return 0;
}
`;

export interface LinkChanges {
  /** Per link, the CLOCK_MONOTONIC ms at which the listener heard each carrier loss, in order. */
  downsMs: Map<string, number[]>;
  /** Messages the kernel dropped for a full socket: a change may be missing. */
  overruns: number;
}

/** The listener's output: "down <ifname> <ms>", "up <ifname> <ms>" and "overrun <ms>" lines. */
export function parseLinkChanges(text: string): LinkChanges {
  const downsMs = new Map<string, number[]>();
  let overruns = 0;
  for (const line of text.split('\n')) {
    const [kind, ifname = '', at] = line.split(' ');
    if (kind === 'down') downsMs.set(ifname, [...(downsMs.get(ifname) ?? []), Number(at)]);
    else if (kind === 'overrun') overruns++;
  }
  return { downsMs, overruns };
}

/**
 * When the last of `ifnames` was heard losing its carrier at or after `atMs`: when a unit
 * watching all of them could know they all went dark. Null if one was not heard.
 */
export function allHeardDownAtMs(changes: LinkChanges | null, ifnames: readonly string[], atMs: number): number | null {
  let last = Number.NEGATIVE_INFINITY;
  for (const ifname of ifnames) {
    const at = changes?.downsMs.get(ifname)?.find((t) => t >= atMs);
    if (at === undefined) return null;
    last = Math.max(last, at);
  }
  return ifnames.length > 0 ? last : null;
}

const WHAT = 'link-event floor';

/** Compiled once per process, removed when it exits; the compiler's complaint if it could not be. */
let binary: { path: string } | { failed: string } | null = null;

function compiled(): { path: string } | { failed: string } {
  if (binary) return binary;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-link-floor-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'link-floor.c'), PROGRAM);
  const path = join(dir, 'link-floor');
  try {
    execFileSync('gcc', ['-O2', '-Wall', '-Werror', '-o', path, join(dir, 'link-floor.c')], { stdio: 'pipe' });
    binary = { path };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    binary = {
      failed: err.code === 'ENOENT' ? 'gcc is not installed (npm run bench installs it)' : `${err.stderr ?? err.message}`.trim(),
    };
  }
  return binary;
}

/**
 * Listens for carrier changes of `ifnames` in namespace `ns`, at SCHED_FIFO one above
 * `workerPriority`. Without a compiler the benchmark loses this reading only.
 */
export function startLinkFloor(ns: string, ifnames: readonly string[], workerPriority: number): SideTool<LinkChanges> {
  const program = compiled();
  if ('failed' in program) return unavailableSideTool(WHAT, program.failed);
  return startSideTool({
    command: program.path,
    pkg: 'gcc',
    what: WHAT,
    args: (file) => [`/run/netns/${ns}`, String(workerPriority + 1), file, ...ifnames],
    readyLine: /^listening$/m,
    read: (file) => parseLinkChanges(readFileSync(file, 'utf8')),
  });
}
