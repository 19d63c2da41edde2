/**
 * The order the firmware stops in (main.ts's shutdown), kept apart so a test holds it.
 *
 * The data plane closes first, before the heartbeat worker hands the ports over: a leaving unit
 * announces nothing more, its successor does. The worker's clean close removes the fence, so a
 * round of gratuitous ARPs sent from the main process after the release would teach the
 * switches this unit's ports for the virtual MAC: a blackhole until the successor's next round
 * (4–7 s outages in rolling upgrades). The watchdog stops last but the syslog: its magic close
 * disarms it only once everything else has stopped.
 */
export interface Stoppable {
  stop(): void | Promise<void>;
}

export interface StopParts {
  remoteLink: Stoppable;
  boot: Stoppable;
  dataPlane: { close(): void };
  ha: { leave(): Promise<void> };
  sessions: Stoppable;
  configSync: Stoppable;
  keys: { close(): void };
  control: Stoppable;
  socket: { close(): Promise<void> };
  consoleLine: { close(): Promise<void> } | null;
  leds: Stoppable;
  watchdog: { stop(reason: string): Promise<void> };
  syslog: { close(): void };
}

export async function stopInOrder(p: StopParts, reason: string): Promise<void> {
  await p.remoteLink.stop();
  await p.boot.stop();
  p.dataPlane.close();
  await p.ha.leave();
  await p.sessions.stop();
  await p.configSync.stop();
  p.keys.close();
  await p.control.stop();
  await p.socket.close();
  await p.consoleLine?.close();
  await p.leds.stop();
  await p.watchdog.stop(reason);
  p.syslog.close();
}
