/**
 * A cluster of units for config-sync tests: each a real ConfigStore on in-memory flash, a real
 * key coordinator and ConfigSync, joined by real control links over the lossy fake net on one
 * fake clock. HA snapshots are given by hand (who is primary, who are members), so tests can
 * make split brains and heals. Time moves only through `run`, which also lets promises settle.
 */
import { setImmediate as tick } from 'node:timers/promises';
import { FAKE_WALL_AT_ZERO_MS, FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { ports } from '../config/schema.fixture.js';
import { ConfigStore } from '../config/store.js';
import { pairSnapshot } from '../console/views.fixture.js';
import { keySpecOf } from '../ha/wire/key-ring.js';
import { createLogger } from '../log/logger.js';
import { ConfigSync } from './config-sync.js';
import { FakeControlNet } from './control-link.fake.js';
import { KeyCoordinator, keyClusterView } from './key-change.js';
export const CONFIG_PATH = '/flash/tandem.conf';
/** A unit's flash config: its own hostname and priority (per unit), the rest shared. */
export function unitFile(host, priority, extra = '') {
    return [
        '#config-version=tandem-1',
        'config system global',
        `    set hostname "${host}"`,
        'end',
        'config system ha',
        '    set mode a-p',
        '    set password "cluster-secret"',
        `    set priority ${priority}`,
        '    set hbdev "ha1" 50 "ha2" 50',
        'end',
        extra,
    ].join('\n');
}
export class SyncCluster {
    net;
    units = new Map();
    #snaps = new Map();
    constructor(files, faults) {
        const serials = Object.keys(files);
        this.net = new FakeControlNet({ serials, faults });
        for (const serial of serials)
            this.units.set(serial, this.#unit(serial, files[serial]));
    }
    unit(serial) {
        const u = this.units.get(serial);
        if (!u)
            throw new RangeError(`no unit ${serial}`);
        return u;
    }
    /** What each unit's HA snapshot says: `primary` holds the role, `groups` the units that see each other. */
    elect(primary, group = [...this.units.keys()]) {
        for (const serial of group) {
            const snap = snapshotOf(serial, primary, group);
            this.#snaps.set(serial, snap);
            this.net.setMembers(serial, group.filter((s) => s !== serial));
            this.unit(serial).sync.onSnapshot(snap);
            this.unit(serial).keys.membersChanged();
        }
    }
    /** Advances the fake clock 1 ms at a time, letting promises settle, until `done` or `limitMs`; whether it held. */
    async run(done, limitMs = 10_000) {
        const end = this.net.clock.nowMs() + limitMs;
        for (;;) {
            await tick();
            if (done())
                return true;
            if (this.net.clock.nowMs() >= end)
                return false;
            this.net.advance(1);
        }
    }
    /** Types `lines` into a config session on `serial` (the first opens it), the clock running meanwhile; the last reply. */
    async configure(serial, section, lines) {
        const session = this.unit(serial).store.beginEdit(section);
        if (typeof session === 'string')
            throw new Error(session);
        let last = { output: '', context: '', active: true };
        for (const line of lines) {
            let settled = false;
            const reply = Promise.resolve(session.handle(line)).then((r) => {
                settled = true;
                last = r;
            });
            if (!(await this.run(() => settled, 20_000)))
                throw new Error(`"${line}" on ${serial} did not answer in 20 s`);
            await reply;
        }
        return last;
    }
    #unit(serial, file) {
        const storage = new MemoryStorage();
        storage.files.set(CONFIG_PATH, file);
        const clock = new FakeClock(Date.parse('2026-12-02T10:39:01Z') - FAKE_WALL_AT_ZERO_MS);
        const store = new ConfigStore({ storage, path: CONFIG_PATH, ports, serial, clock, bootId: 7 });
        store.load();
        const link = this.net.link(serial);
        const keys = new KeyCoordinator({
            serial,
            initial: keySpecOf(store.haSettings()),
            link,
            timers: this.net.timers,
            cluster: () => keyClusterView(this.#snaps.get(serial) ?? snapshotOf(serial, serial, [serial])),
            install: () => { },
            graceMs: () => 10_000,
            log: createLogger(`key-change ${serial}`),
        });
        const applied = [];
        const applyFromPeer = store.applyFromPeer.bind(store);
        store.applyFromPeer = (sections, o) => {
            const r = applyFromPeer(sections, o);
            applied.push({ full: o.full, ok: r.ok });
            return r;
        };
        store.onChange(() => keys.adopted(keySpecOf(store.haSettings())));
        const sync = new ConfigSync({
            serial,
            link,
            store,
            timers: this.net.timers,
            now: () => this.net.clock.nowMs(),
            settled: () => Promise.resolve(),
            keys,
        });
        sync.start();
        return { serial, store, storage, sync, keys, applied };
    }
}
/** `self`'s snapshot: `primary` in work (or nobody, when it is not in the group), the group's members. */
export function snapshotOf(self, primary, group) {
    const base = pairSnapshot();
    const template = base.members[0];
    const members = group.map((serial) => ({
        ...template,
        serial,
        hostname: serial,
        self: serial === self,
        state: serial === primary ? 'work' : 'standby',
    }));
    members.sort((a, b) => Number(b.self) - Number(a.self));
    const election = group.includes(primary) ? { ...base.election, primary } : null;
    return { ...base, serial: self, state: self === primary ? 'work' : 'standby', members, election };
}
//# sourceMappingURL=config-sync.testkit.js.map