import { clusterView } from '../control/cluster-view.js';
import { lostAfterMs } from '../ha/settings.js';
import { createLogger } from '../log/logger.js';
import { ImageReceiver } from '../upgrade/image-receiver.js';
import { primaryWithPeers, Rollout } from '../upgrade/rollout.js';
import { unhealthyBecause } from './health.js';
import { FirmwareImages } from './images.js';
import { installImage } from './install.js';
import { Probation } from './probation.js';
import { FirmwareSlots } from './slots.js';
export function startBootRuntime(o) {
    if (o.slotFromSelector === undefined)
        return { images: undefined, stop: () => { } };
    const log = createLogger('boot');
    const slots = new FirmwareSlots(o.board.boot.dir, o.storage, o.slotFromSelector);
    const install = async (archive) => {
        const done = await installImage(archive, { slots, releaseKey: o.board.boot.releaseKey, progress: log.info, now: o.now });
        return { slot: done.slot, version: done.manifest.version };
    };
    const receiver = new ImageReceiver({
        link: o.link,
        slots,
        primary: () => clusterView(o.ha.snapshot()).primary,
        install,
        restart: o.restart,
        timers: o.timers,
        log,
    });
    const probation = new Probation({
        slots,
        boundMs: o.board.boot.healthBoundS * 1000,
        timers: o.timers,
        now: o.now,
        health: () => unhealthyBecause({
            ha: o.ha.snapshot(),
            configSync: o.configSync().find((m) => m.self),
            sessionsReady: o.sessionsReady(),
            lostAfterMs: lostAfterMs(o.settings()),
        }),
        setProbation: (on) => o.ha.setProbation(on),
        restart: o.restart,
        onConfirmed: () => receiver.confirmed(o.firmwareVersion),
        log,
    });
    const rollout = new Rollout({
        serial: o.serial,
        link: o.link,
        snapshot: () => o.ha.snapshot(),
        configSync: o.configSync,
        dir: slots.dir,
        releaseKey: o.board.boot.releaseKey,
        installSelf: install,
        restart: o.restart,
        timers: o.timers,
        now: o.now,
        log,
        // A restart, hello-holddown, a config and session resync, the trial: the health bound and a margin.
        rejoinMs: (o.board.boot.healthBoundS + 120) * 1000,
    });
    const images = new FirmwareImages({
        slots,
        probation,
        rollout,
        context: () => {
            return { upgradeMode: o.settings().upgradeMode, primaryWithPeers: primaryWithPeers(o.ha.snapshot()) };
        },
        releaseKey: o.board.boot.releaseKey,
        timers: o.timers,
        now: o.now,
        log,
        restart: o.restart,
    });
    probation.start();
    o.ha.onSnapshot(() => {
        probation.check();
        rollout.wake();
    });
    return { images, stop: () => probation.stop() };
}
//# sourceMappingURL=runtime.js.map