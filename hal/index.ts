/** The devices a board offers the firmware, built once by a composition root. */
import type { ClockDevice } from './clock/index.js';
import type { ConntrackDevice } from './conntrack/index.js';
import type { FirewallDevice } from './firewall/index.js';
import type { IcmpDevice } from './icmp/index.js';
import type { IpcDevice } from './ipc/index.js';
import type { GpioDevice, LedDevice } from './led/index.js';
import type { NicDevice } from './nic/index.js';
import type { NotifyDevice } from './notify/index.js';
import type { SerialDevice } from './serial/index.js';
import type { StorageDevice } from './storage/index.js';
import type { WatchdogDevice } from './watchdog/index.js';

export interface Hal {
  clock: ClockDevice;
  conntrack: ConntrackDevice;
  firewall: FirewallDevice;
  /** GPIO character devices, for LEDs wired to GPIO lines. */
  gpio: GpioDevice;
  icmp: IcmpDevice;
  ipc: IpcDevice;
  led: LedDevice;
  nic: NicDevice;
  notify: NotifyDevice;
  serial: SerialDevice;
  storage: StorageDevice;
  watchdog: WatchdogDevice;
}
