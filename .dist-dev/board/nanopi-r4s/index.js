export const nanopiR4s = {
    name: 'nanopi-r4s',
    model: 'TANDEM-R4S',
    serial: { file: '/proc/device-tree/serial-number' },
    ports: [
        { name: 'port1', ifname: 'eth0', role: 'data' },
        { name: 'port2', ifname: 'eth1', role: 'data' },
        { name: 'ha1', ifname: 'eth2', role: 'heartbeat' },
        { name: 'ha2', ifname: 'eth1.999', role: 'heartbeat' },
    ],
    leds: [
        { role: 'status', driver: 'sysfs', colours: { red: 'red:power' } },
        { role: 'ha', driver: 'sysfs', colours: { green: 'green:lan', amber: 'green:wan' } },
        { role: 'sync', driver: 'sysfs', colours: { green: 'green:wan' } },
    ],
    ledRoot: '/sys/class/leds',
    watchdog: {
        device: '/dev/watchdog0',
        bootStatus: '/sys/class/watchdog/watchdog0/bootstatus',
        timeoutS: 16,
        maxMainLagMs: 5000,
        maxWorkerStallMs: 2000,
    },
    kernelBootId: '/proc/sys/kernel/random/boot_id',
    fencePins: '/sys/fs/bpf/tandem',
    console: { tty: '/dev/ttyS2', baudRate: 1500000 },
    storage: {
        config: '/data/tandem/tandem.conf',
        eventLog: '/data/tandem/events.log',
        bootId: '/data/tandem/boot-id',
        runRecord: '/data/tandem/run-record',
    },
    // Folders on the root file system, not partitions: a bundle is files a service runs, and a
    // folder per slot needs no mkfs or mount to install (README, "A/B slots").
    boot: { dir: '/opt/tandem', releaseKey: '/etc/tandem/release-key.pem', healthBoundS: 600 },
    runDir: '/run/tandem',
};
//# sourceMappingURL=index.js.map