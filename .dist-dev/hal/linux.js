/** The Linux HAL: the drivers a real board (and the sim board in the test rig) runs on. */
import { createLinuxClock } from './clock/linux.js';
import { createLinuxConntrack } from './conntrack/linux.js';
import { createNftFirewall } from './firewall/nft.js';
import { createLinuxIcmp } from './icmp/linux.js';
import { createLinuxIpc } from './ipc/linux.js';
import { createGpioChardev } from './led/gpio-chardev.js';
import { createSysfsLeds } from './led/sysfs.js';
import { createLinuxNic } from './nic/linux.js';
import { createLinuxNotify } from './notify/linux.js';
import { createSerialPortDevice } from './serial/serialport.js';
import { createFileStorage } from './storage/fs.js';
import { createLinuxWatchdog } from './watchdog/linux.js';
export function createLinuxHal() {
    return {
        clock: createLinuxClock(),
        conntrack: createLinuxConntrack(),
        firewall: createNftFirewall(),
        gpio: createGpioChardev(),
        icmp: createLinuxIcmp(),
        ipc: createLinuxIpc(),
        led: createSysfsLeds(),
        nic: createLinuxNic(),
        notify: createLinuxNotify(),
        serial: createSerialPortDevice(),
        storage: createFileStorage(),
        watchdog: createLinuxWatchdog(),
    };
}
//# sourceMappingURL=linux.js.map