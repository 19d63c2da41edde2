/**
 * One process of the takeover benchmark (takeover.ts): arms the executor on two ports of the
 * namespace it is given, then times the first takeover (cold, as on a unit's first failover)
 * and `cycles` warm takeover/give-up pairs. Prints one JSON line.
 */
import { createLogger } from '../../firmware/log/logger.js';
import { TakeoverExecutor } from '../../firmware/takeover/executor.js';
import { withNetns } from '../../hal/netns.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
const [ns = '', cyclesText = '200'] = process.argv.slice(2);
const plan = {
    announce: true,
    routes: [],
    ports: [
        { name: 'port1', ifname: 'p1', virtualMac: Uint8Array.of(2, 0x54, 0x44, 7, 0, 0), ipv4: ['198.18.2.1/24'], ipv6: [] },
        {
            name: 'port2',
            ifname: 'p2',
            virtualMac: Uint8Array.of(2, 0x54, 0x44, 7, 0, 1),
            ipv4: ['198.18.1.1/24', '198.18.1.50/32'],
            ipv6: [],
        },
    ],
};
const timed = (fn) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
};
withNetns(ns, () => {
    const nic = createLinuxNic();
    const executor = new TakeoverExecutor(nic, 'BENCH', createLogger('bench'));
    executor.arm(plan);
    const firstMs = timed(() => executor.takeOver());
    const firstGiveUpMs = timed(() => executor.giveUp());
    const takeMs = [];
    const giveMs = [];
    for (let i = 0; i < Number(cyclesText); i++) {
        takeMs.push(timed(() => executor.takeOver()));
        giveMs.push(timed(() => executor.giveUp()));
    }
    executor.close();
    process.stdout.write(`${JSON.stringify({ firstMs, firstGiveUpMs, takeMs, giveMs })}\n`);
});
//# sourceMappingURL=takeover-child.js.map