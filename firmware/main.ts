/**
 * The firmware's composition root: builds the HAL from the board definition, loads the config
 * (refusing to start on a bad one), starts the HA runtime and the consoles, and leaves the
 * cluster gracefully on SIGTERM/SIGINT.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BoardError } from '../board/errors.js';
import { boardByName, readSerial } from '../board/registry.js';
import { HalError } from '../hal/errors.js';
import { createLinuxHal } from '../hal/linux.js';
import { RESTART_EXIT_CODE } from './boot/restart.js';
import { startBootRuntime } from './boot/runtime.js';
import { ConfigError } from './config/errors.js';
import { ConfigStore } from './config/store.js';
import { KernelSessions } from './console/kernel-sessions.js';
import { LoginGate } from './console/login.js';
import { CommandProcessor } from './console/processor.js';
import { startSerialConsole } from './console/serial-console.js';
import { CONSOLE_SOCKET_NAME } from './console/socket-protocol.js';
import { startConsoleSocket } from './console/socket-server.js';
import { ConfigSync } from './control/config-sync.js';
import { KeyCoordinator, keyClusterView } from './control/key-change.js';
import { RemoteConsoles } from './control/remote-console.js';
import { ControlRuntime } from './control/runtime.js';
import { directSource } from './dataplane/mgmt-routes.js';
import { DataPlaneRuntime } from './dataplane/runtime.js';
import { mainBlock } from './diag/main-block.js';
import { MainLoad } from './diag/main-load.js';
import { BootIds } from './ha/boot-ids.js';
import { HaRuntime } from './ha/runtime.js';
import { graceWindowMs, keySpecOf } from './ha/wire/key-ring.js';
import { LedRuntime } from './leds/runtime.js';
import { EventLog, formatLogLine } from './log/event-log.js';
import { createLogger, type LogRecord, setLogSink } from './log/logger.js';
import { SyslogSender } from './log/syslog.js';
import { RemoteLinkMonitor } from './monitor/remote-link-monitor.js';
import { missingNodeFlags } from './node-flags.js';
import { haStatusLine, ServiceNotifications } from './service/notifications.js';
import { ownAddresses, SessionSyncRuntime } from './sessions/runtime.js';
import { stopInOrder } from './stop-order.js';
import { systemTimers } from './time/timers.js';
import { FIRMWARE_VERSION } from './version.js';
import { WatchdogRuntime } from './watchdog/runtime.js';
import { servicePings } from './watchdog/service-watchdog.js';

/** Runs a start-up step; an unusable board ends the start with one line instead of a stack trace. */
function orRefuse<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (!(err instanceof BoardError)) throw err;
    process.stderr.write(`tandem: refusing to start: ${err.message}\n`);
    process.exit(2);
  }
}

const { values } = parseArgs({
  options: { board: { type: 'string', default: 'sim' }, version: { type: 'boolean', default: false } },
});
// Answered before the board is touched: it is how a release bundle shows it runs on its target.
if (values.version) {
  process.stdout.write(`tandem ${FIRMWARE_VERSION}\n`);
  process.exit(0);
}
const board = orRefuse(() => boardByName(values.board ?? 'sim', process.env));
const hal = createLinuxHal();
const eventLog = new EventLog(board.storage.eventLog, hal.clock);
const syslog = new SyslogSender(hal.nic, hal.clock, process.pid);
const sink = (r: LogRecord) => {
  process.stderr.write(formatLogLine(r, hal.clock));
  if (!r.event) return;
  eventLog.append(r);
  syslog.send(r);
};
setLogSink(sink);
const log = createLogger('main');

const serial = orRefuse(() => readSerial(board, (p) => hal.storage.read(p)));
const bootIds = new BootIds(hal.storage, board.storage.bootId, log);
const config = new ConfigStore({
  storage: hal.storage,
  path: board.storage.config,
  ports: board.ports,
  serial,
  clock: hal.clock,
  // Names this run's diverged config backups: boot ids only grow, the boards' wall clock may not.
  bootId: bootIds.next(),
});
try {
  config.load();
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof HalError)) throw err;
  process.stderr.write(`tandem: refusing to start, bad configuration in ${board.storage.config}:\n  ${err.message}\n`);
  process.exit(2);
}
// Configured before anything else starts, so the boot's own events reach the syslog server too.
// With ha-direct the messages leave from the reserved management interface's own address.
const configureSyslog = () =>
  syslog.configure(config.syslog(), config.hostname(), directSource(config.haSettings(), config.dataPlane()));
configureSyslog();
config.onChange(configureSyslog);

// The service manager (systemd, Type=notify: scripts/tandem.service): READY, STATUS and STOPPING
// go from this thread, WATCHDOG=1 from the watchdog keeper thread, on its health verdict.
const notifications = new ServiceNotifications({
  device: hal.notify,
  socket: process.env.NOTIFY_SOCKET,
  timers: systemTimers,
  log: createLogger('service'),
});
const pings = servicePings(notifications.socket, process.env, process.pid);
log.info(
  'off' in pings
    ? `service manager watchdog off: ${pings.off}`
    : `service manager watchdog: WATCHDOG=1 every ${(pings.intervalMs / 1000).toFixed(1)} s while the runtime is healthy`,
);
// As sd_notify(3)'s unset_environment: the processes the firmware starts are not the service.
for (const name of ['NOTIFY_SOCKET', 'WATCHDOG_USEC', 'WATCHDOG_PID']) delete process.env[name];

// Armed once the configuration is known good: a unit refusing a bad config must not reset in a loop.
const watchdog = new WatchdogRuntime({
  watchdog: hal.watchdog,
  ipc: hal.ipc,
  storage: hal.storage,
  board: board.watchdog,
  recordPath: board.storage.runRecord,
  kernelBoot: hal.storage.read(board.kernelBootId)?.trim(),
  service: 'off' in pings ? null : pings,
  clock: hal.clock,
  timers: systemTimers,
  onLog: sink,
});
log.event(`previous run: ${watchdog.previousRun.text}`, watchdog.previousRun.level, { subtype: 'system' });
watchdog.start();
// STATUS blinks from here until the unit runs (firmware/leds/patterns.ts).
const leds = new LedRuntime({
  device: hal.led,
  gpio: hal.gpio,
  board,
  timers: systemTimers,
  log: createLogger('leds'),
});

const ha = new HaRuntime({
  board,
  identity: { serial, hostname: config.hostname(), model: board.model, firmware: FIRMWARE_VERSION },
  clock: hal.clock,
  timers: systemTimers,
  nextBootId: () => bootIds.next(),
  onLog: sink,
  health: watchdog.stamps,
  nic: hal.nic,
});
// The worker's process loads its modules while the data plane and the rest start (cold start).
if (config.haSettings().mode !== 'standalone') ha.prewarm();
const dataPlane = new DataPlaneRuntime({
  nic: hal.nic,
  firewall: hal.firewall,
  conntrack: hal.conntrack,
  ports: board.ports,
  serial,
  ha,
  timers: systemTimers,
  now: () => hal.clock.nowMs(),
});

const sessions = new SessionSyncRuntime({
  board,
  serial,
  nextBootId: () => bootIds.next(),
  onLog: sink,
  timers: systemTimers,
});
ha.onSnapshot((snap) => sessions.onHaSnapshot(snap));
sessions.onElectionReady((ready) => ha.setSessionsReady(ready));

// The control channel between the units (config sync and the like speak through control.link).
const control = new ControlRuntime({
  board,
  serial,
  nic: hal.nic,
  clock: hal.clock,
  timers: systemTimers,
  nextBootId: () => bootIds.next(),
  relay: ha,
});
ha.onSnapshot((snap) => control.onHaSnapshot(snap));
ha.onControlFrames((frames) => control.onRelayFrames(frames));

// Every channel's key ring; a key change on a formed cluster is one coordinated step.
const keys = new KeyCoordinator({
  serial,
  initial: keySpecOf(config.haSettings()),
  link: control.link,
  timers: systemTimers,
  cluster: () => keyClusterView(ha.snapshot()),
  install: (ring) => {
    ha.setKeys(ring);
    sessions.setKeys(ring);
    control.link.setKeys(ring);
  },
  graceMs: () => graceWindowMs(config.haSettings()),
  veto: () => (config.haSettings().syncConfig ? null : `sync-config is disabled on ${serial}`),
  log: createLogger('key-change'),
});
ha.onKeySwitched((by) => keys.workerSwitched(by));
ha.onSnapshot(() => keys.membersChanged());

const remoteLink = new RemoteLinkMonitor({ icmp: hal.icmp, clock: hal.clock, timers: systemTimers, ports: board.ports });
remoteLink.onVerdict((failed) => ha.setRemoteLink(config.haSettings().pingserverMonitorInterface.length > 0, failed));
dataPlane.onRole((primary) => remoteLink.setActive(primary));

/** The order matters: the worker must start armed, and must have let go before a standalone unit claims the ports. */
async function applyConfig(): Promise<void> {
  const settings = config.haSettings();
  const dp = config.dataPlane();
  remoteLink.configure(dp.linkMonitors, settings, (port) => dp.interfaces.find((i) => i.name === port)?.address?.address);
  ha.setRemoteLink(settings.pingserverMonitorInterface.length > 0, remoteLink.failed);
  // A key the coordinator did not agree (a change made alone, a full sync) switches with a grace window.
  keys.adopted(keySpecOf(settings));
  if (settings.mode === 'standalone') {
    await ha.apply(settings, config.hostname());
    await dataPlane.apply(dp, settings);
  } else {
    await dataPlane.apply(dp, settings);
    await ha.apply(settings, config.hostname());
  }
  await sessions.apply(settings, ownAddresses(dp));
  await control.apply(settings);
}
// Changes are applied one after another. applyConfig reads the config as it is when it starts,
// so changes that arrive while one is applied are applied together by one more run.
// A config that applied becomes the last good copy a later unusable file falls back to.
let applying = applyConfig().then(() => config.markGood());
await applying;
let applyQueued = false;
config.onChange(() => {
  if (applyQueued) return;
  applyQueued = true;
  const run = () => {
    applyQueued = false;
    return applyConfig();
  };
  applying = applying.then(run, run).then(() => config.markGood());
});

// The primary's configuration is the cluster's (FGCP sync-config).
const configSync = new ConfigSync({
  serial,
  link: control.link,
  store: config,
  timers: systemTimers,
  now: () => hal.clock.nowMs(),
  settled: () => applying,
  keys,
});
ha.onSnapshot((snap) => configSync.onSnapshot(snap));
configSync.start();

// A/B slots, installs and rolling upgrades (firmware/boot/, firmware/upgrade/).
const boot = startBootRuntime({
  board,
  storage: hal.storage,
  slotFromSelector: process.env.TANDEM_SLOT,
  serial,
  firmwareVersion: FIRMWARE_VERSION,
  ha,
  configSync: () => configSync.status(),
  sessionsReady: () => sessions.readyForElection,
  settings: () => config.haSettings(),
  link: control.link,
  timers: systemTimers,
  now: () => hal.clock.nowMs(),
  restart: (why) => void shutdown(why, RESTART_EXIT_CODE),
});

const mainLoad = new MainLoad(hal.clock);
const diag = {
  mainLoad: (seconds: number) => mainLoad.run(seconds),
  mainBlock: (seconds: number) => mainBlock(systemTimers, seconds),
};
const processor = new CommandProcessor({
  config,
  ha,
  diag,
  firmwareVersion: FIRMWARE_VERSION,
  lastReboot: watchdog.previousRun.text,
  portStats: remoteLink,
  sessions: new KernelSessions(() => hal.conntrack.open(), sessions),
  eventLog,
  control,
  configSync,
  images: boot.images,
  remoteConsoles: new RemoteConsoles({
    serial,
    link: control.link,
    config,
    clock: hal.clock,
    timers: systemTimers,
    openSession: () => processor.openSession(),
  }),
});
const socket = await startConsoleSocket({ path: join(board.runDir, CONSOLE_SOCKET_NAME), processor, ha });
const consoleLine = await startSerialConsole({
  serial: hal.serial,
  path: board.console.tty,
  baudRate: board.console.baudRate,
  processor,
  login: new LoginGate({ config, clock: hal.clock, where: board.console.tty }),
  banner: `Tandem ${FIRMWARE_VERSION} on ${board.model} (${serial})`,
}).catch((err: Error) => {
  log.event(`serial console ${board.console.tty} unavailable: ${err.message}`, 'warn');
  return null;
});
leds.running({
  ha: () => ha.snapshot(),
  configSync: () => configSync.status().map((m) => m.state),
  sessionsReady: () => sessions.readyForElection,
  alarm: () => config.bootSource().alarm,
});
ha.onSnapshot(() => leds.refresh());
sessions.onElectionReady(() => leds.refresh());
log.event(`firmware ${FIRMWARE_VERSION} started on ${board.name} (${serial}), HA mode ${config.haSettings().mode}`);
notifications.ready(haStatusLine(ha.snapshot()));
ha.onSnapshot((snap) => notifications.status(haStatusLine(snap)));
const missing = missingNodeFlags(process.execArgv);
if (missing.length > 0) {
  log.event(
    `started without ${missing.join(' ')}: the heartbeat worker may stall on GC and memory grow (see firmware/node-flags.ts)`,
    'warn',
  );
}

let stopping = false;
/** Leaves the cluster and stops; `exitCode` RESTART_EXIT_CODE asks the board to boot again. */
async function shutdown(reason: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  log.event(`${reason}: leaving the cluster and shutting down`);
  notifications.stopping(`${reason}: leaving the cluster and shutting down`);
  await stopInOrder(
    { remoteLink, boot, dataPlane, ha, sessions, configSync, keys, control, socket, consoleLine, leds, watchdog, syslog },
    reason,
  );
  process.exit(process.exitCode ?? 0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
