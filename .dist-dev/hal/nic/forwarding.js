/**
 * IPv4 forwarding as the sysctl net.ipv4.ip_forward. The file is opened on first use and kept
 * open, so a takeover flips it with one pwrite and no path lookup; /proc/sys/net belongs to the
 * network namespace of the thread that opens it, so it stays this namespace's switch.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { HalError } from '../errors.js';
const PATH = '/proc/sys/net/ipv4/ip_forward';
const ON = new Uint8Array([0x31, 0x0a]);
const OFF = new Uint8Array([0x30, 0x0a]);
export function forwardingSwitch() {
    let fd = -1;
    return (on) => {
        try {
            if (fd < 0)
                fd = openSync(PATH, 'w');
            writeSync(fd, on ? ON : OFF, 0, 2, 0);
        }
        catch (err) {
            const e = err;
            if (fd >= 0)
                closeSync(fd);
            fd = -1;
            throw new HalError('net.ipv4.ip_forward', 'setIpv4Forwarding', Number(e.errno ? -e.errno : 0), e.message);
        }
    };
}
//# sourceMappingURL=forwarding.js.map