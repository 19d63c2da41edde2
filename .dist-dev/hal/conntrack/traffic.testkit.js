/**
 * Worker for the conntrack kernel tests: real traffic inside a test namespace. A worker started
 * inside `withNetns` runs on a thread of that namespace, so the sockets it opens are there (the
 * main thread's would open wherever the main thread is when libuv gets round to them).
 *
 * It exchanges one UDP datagram each way between two ports of `host`, then opens an FTP-like
 * control connection to port 21 of `host`, logs in and sends a PORT command naming `dataPort`, which
 * the kernel's FTP helper turns into an expectation. It reports 'ready' with the ports used
 * and keeps the connection open until told 'close'.
 */
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
async function udpExchange(host, [a, b]) {
    const client = createSocket('udp4');
    const server = createSocket('udp4');
    server.bind(b, host);
    client.bind(a, host);
    await Promise.all([once(server, 'listening'), once(client, 'listening')]);
    server.on('message', (msg, rinfo) => server.send(msg, rinfo.port, rinfo.address));
    client.send('ping', b, host);
    await once(client, 'message');
    client.close();
    server.close();
}
async function run(request) {
    const port = parentPort;
    await udpExchange(request.host, request.udpPorts);
    const server = createServer((conn) => {
        conn.write('220 ready\r\n');
        conn.on('data', () => conn.write('200 ok\r\n'));
    });
    server.listen(21, request.host);
    await once(server, 'listening');
    const control = createConnection({ host: request.host, port: 21 });
    await once(control, 'data');
    // The helper reads commands only from a packet that starts where an earlier line of the
    // same side ended (nf_conntrack_ftp.c, find_nl_seq), so the PORT command comes second.
    control.write('USER tandem\r\n');
    await once(control, 'data');
    const [hi, lo] = [request.dataPort >> 8, request.dataPort & 0xff];
    control.write(`PORT ${request.host.replaceAll('.', ',')},${hi},${lo}\r\n`);
    await once(control, 'data');
    port.postMessage({ kind: 'ready', ftpClientPort: control.localPort ?? 0 });
    await once(port, 'message');
    control.destroy();
    server.close();
}
void run(workerData);
//# sourceMappingURL=traffic.testkit.js.map