/**
 * Serial driver over the `serialport` package (its prebuilt native binding sets the tty raw).
 */
import { accessSync, constants } from 'node:fs';
import { SerialPort } from 'serialport';
import { HalError } from '../errors.js';
/** serialport reports only a message; the errno comes from checking the path ourselves. */
function openErrno(path) {
    try {
        accessSync(path, constants.R_OK | constants.W_OK);
        return 0;
    }
    catch (err) {
        return -(err.errno ?? 0);
    }
}
class PortLine {
    port;
    errorHandlers = [];
    closing;
    constructor(port) {
        this.port = port;
        port.on('error', (err) => this.report(err));
    }
    report(err) {
        for (const handler of this.errorHandlers)
            handler(err);
    }
    write(data) {
        if (!this.port.isOpen) {
            this.report(new Error(`serial ${this.port.path}: write on a closed line`));
            return;
        }
        this.port.write(typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), (err) => {
            if (err)
                this.report(err);
        });
    }
    onData(handler) {
        this.port.on('data', handler);
    }
    onError(handler) {
        this.errorHandlers.push(handler);
    }
    close() {
        this.closing ??= new Promise((resolve) => {
            if (!this.port.isOpen) {
                resolve();
                return;
            }
            this.port.close((err) => {
                if (err)
                    this.report(err);
                resolve();
            });
        });
        return this.closing;
    }
}
export function createSerialPortDevice() {
    return {
        open(path, baudRate) {
            return new Promise((resolve, reject) => {
                if (!Number.isInteger(baudRate) || baudRate <= 0) {
                    reject(new HalError(`serial ${path}`, 'open', 22, `baud rate ${baudRate}: must be a positive integer`));
                    return;
                }
                const port = new SerialPort({ path, baudRate, autoOpen: false });
                port.open((err) => {
                    if (err)
                        reject(new HalError(`serial ${path}`, 'open', openErrno(path), err.message));
                    else
                        resolve(new PortLine(port));
                });
            });
        },
    };
}
//# sourceMappingURL=serialport.js.map