/**
 * A board is data: which kernel interface plays which front-panel port, where its console,
 * LEDs, watchdog and flash live. Firmware asks for a role ("port1", "ha1"), never a device.
 */
export type PortRole = 'data' | 'heartbeat' | 'sync' | 'mgmt';

export interface BoardPort {
  /** Front-panel name used in config: port1, ha1, mgmt. */
  name: string;
  /** Kernel interface name on this board. */
  ifname: string;
  role: PortRole;
}

type LedColourName = 'green' | 'amber' | 'red';

/** A front-panel LED role and the LED lit for each colour it can show. */
export type BoardLed =
  | {
      role: 'status' | 'ha' | 'sync';
      driver: 'sysfs';
      /** sysfs LED class names (under `ledRoot`) by colour. */
      colours: Partial<Record<LedColourName, string>>;
    }
  | {
      role: 'status' | 'ha' | 'sync';
      driver: 'gpio';
      /** The GPIO character device the lines belong to: /dev/gpiochipN. */
      chip: string;
      /** Line offsets on `chip` by colour; a line high lights its LED. */
      colours: Partial<Record<LedColourName, number>>;
    };

export interface BoardDefinition {
  name: string;
  /** Model string peers compare before forming a cluster. */
  model: string;
  /** Where the unit's serial number comes from. */
  serial: { file: string } | { value: string };
  ports: BoardPort[];
  leds: BoardLed[];
  ledRoot: string;
  watchdog: {
    device: string;
    /** The device's sysfs `bootstatus` attribute: WDIOF_* flags of the last reset. */
    bootStatus: string;
    timeoutS: number;
    /** The watchdog is not kicked once the main thread's event loop has not run for this long. */
    maxMainLagMs: number;
    /** Nor once the heartbeat worker has not finished a turn (it turns at least every 250 ms) for this long. */
    maxWorkerStallMs: number;
  };
  /**
   * A folder on a bpffs where the self-fencing lease pins its links (hal/fence), so that a
   * killed firmware's kernel stays fenced.
   */
  fencePins: string;
  /** A file whose text changes at every boot of the kernel: tells a reboot from a firmware restart. */
  kernelBootId: string;
  console: { tty: string; baudRate: number };
  storage: {
    /** The FortiOS-style configuration file. */
    config: string;
    /** Persistent event log. */
    eventLog: string;
    /** The last heartbeat boot id (firmware/ha/boot-ids.ts). */
    bootId: string;
    /** How the current run is doing (firmware/watchdog/run-record.ts). */
    runRecord: string;
  };
  /**
   * The A/B firmware slots: `<dir>/slot-a` and `<dir>/slot-b` hold unpacked release bundles,
   * `<dir>/boot-state` says which one boots (scripts/tandem-boot, firmware/boot/).
   */
  boot: {
    dir: string;
    /** The ed25519 public key (PEM) a release bundle's signature must verify with. */
    releaseKey: string;
    /** A new image that is not healthy (joined and in sync) this long after it booted is rolled back. */
    healthBoundS: number;
  };
  /** Folder for runtime files: the local console socket, pid file. */
  runDir: string;
}
