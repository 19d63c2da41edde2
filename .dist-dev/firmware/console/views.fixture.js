/**
 * What the console's tests show: hand-built HA snapshots of the situations operators meet (a
 * formed pair, hello, alone, refused peers, standalone), the unit's settings, monitored ports
 * and remote link monitoring views.
 */
import { haSettings as baseSettings } from '../ha/net.fake.js';
import { emptyCounters } from '../ha/wire/decoder.js';
export function member(overrides = {}) {
    return {
        serial: 'TDSIM00000000001',
        hostname: 'TDM-A',
        firmware: '1.0.0',
        state: 'work',
        priority: 200,
        override: false,
        ageMs: 83_400,
        monitorUp: 2,
        monitorTotal: 2,
        failover: false,
        lastHeardAgoMs: 0,
        links: [],
        self: true,
        ...overrides,
    };
}
export function link(overrides = {}) {
    return {
        name: 'ha1',
        hbPriority: 50,
        up: true,
        carrier: true,
        txFrames: 1240,
        txErrors: 0,
        rxFrames: 1234,
        rxAccepted: 1230,
        lastRxAgoMs: 95,
        ...overrides,
    };
}
export const noRejects = emptyCounters;
/** A formed a-p pair seen from unit A, the primary. */
export function pairSnapshot() {
    return {
        enabled: true,
        state: 'work',
        stateSinceMs: 10_000,
        stateSinceWall: '2026-11-21T15:04:05.120Z',
        serial: 'TDSIM00000000001',
        hostname: 'TDM-A',
        groupId: 7,
        groupName: 'tandem-rig',
        mode: 'a-p',
        model: 'TANDEM-SIM',
        monitor: [],
        members: [
            member(),
            member({
                serial: 'TDSIM00000000002',
                hostname: 'TDM-B',
                state: 'standby',
                priority: 128,
                ageMs: 80_100,
                lastHeardAgoMs: 95,
                links: ['ha1', 'ha2'],
                self: false,
            }),
        ],
        election: {
            primary: 'TDSIM00000000001',
            reason: 'TDSIM00000000001 is selected as the primary because it has the highest priority.',
            atMs: 10_000,
            atWall: '2026-11-21T15:04:05.120Z',
        },
        links: [link(), link({ name: 'ha2', txFrames: 1239, rxFrames: 1233, rxAccepted: 1229, lastRxAgoMs: 96 })],
        rejected: noRejects(),
        refused: [],
        alone: false,
        schedFifo: true,
        logsDropped: 0,
        controlRelay: { relayed: 0, dropped: 0 },
        lateTicks: 3,
        maxTickLateMs: 12.4,
        tickJitter: { count: 420, p50Ms: 0.02, p99Ms: 0.31, maxMs: 1.7 },
        lease: { state: 'held', ttlMs: 500, remainingMs: 431, renewals: 8_210, reason: '' },
        beacons: { ports: [{ name: 'port1', carrier: true, txFrames: 1200, rxAccepted: 0 }], rivals: [], held: null },
        nowMs: 93_400,
    };
}
/** Unit A just started: negotiating, nobody elected yet. */
export function helloSnapshot() {
    return {
        ...pairSnapshot(),
        state: 'hello',
        members: [member({ state: 'hello', ageMs: 4_000 })],
        election: null,
        links: [link({ rxFrames: 0, rxAccepted: 0, lastRxAgoMs: null })],
    };
}
/** Unit B after losing A on every link: primary on its own. */
export function aloneSnapshot() {
    return {
        ...pairSnapshot(),
        serial: 'TDSIM00000000002',
        hostname: 'TDM-B',
        members: [member({ serial: 'TDSIM00000000002', hostname: 'TDM-B', priority: 128 })],
        election: {
            primary: 'TDSIM00000000002',
            reason: 'TDSIM00000000002 is selected as the primary because it is the only member.',
            atMs: 90_000,
            atWall: '2026-11-21T15:05:25.000Z',
        },
        links: [link({ up: false, carrier: false, lastRxAgoMs: 3_400 }), link({ name: 'ha2', lastRxAgoMs: 3_400 })],
        alone: true,
    };
}
/** A formed pair that also hears a unit from another group and refuses it. */
export function refusedSnapshot() {
    const snap = pairSnapshot();
    return {
        ...snap,
        rejected: { ...noRejects(), wrongGroup: 12, refused: 12 },
        refused: [{ serial: 'TDSIM00000000009', link: 'ha1', reason: 'group-id 8 differs from ours (7)', count: 12, lastAgoMs: 400 }],
    };
}
export function standaloneSnapshot() {
    return { ...pairSnapshot(), enabled: false, mode: 'standalone', members: [], election: null, links: [] };
}
/** The console's view of a unit: the fake network's settings, as the rig's board A. */
export function haSettings(overrides = {}) {
    return baseSettings({
        groupName: 'tandem-rig',
        password: '',
        priority: 200,
        monitor: ['port1', 'port2'],
        helloHolddownS: 20,
        ...overrides,
    });
}
/** Unit A's monitored ports: port1 up since start, port2 down after flapping. */
export function monitoredPorts() {
    return [
        { name: 'port1', ifname: 'tdm-a-p1', connected: true, downEvents: 0, lastChangeAgoMs: null },
        { name: 'port2', ifname: 'tdm-a-p2', connected: false, downEvents: 2, lastChangeAgoMs: 3_400 },
    ];
}
export function pingServer(overrides = {}) {
    return {
        server: '198.18.2.254',
        state: 'alive',
        sent: 1240,
        sendErrors: 0,
        replies: 1239,
        lost: 1,
        late: 0,
        lastRttMs: 0.4213,
        consecutiveLost: 0,
        consecutiveReplies: 1200,
        lastChangeAgoMs: null,
        ...overrides,
    };
}
export function linkMonitorView(overrides = {}) {
    return {
        name: 'wan-check',
        srcintf: 'port2',
        source: '198.18.2.1',
        haPriority: 5,
        intervalMs: 500,
        failtime: 5,
        recoverytime: 5,
        counted: true,
        failed: false,
        probing: true,
        socketError: '',
        servers: [pingServer(), pingServer({ server: '198.18.2.253', replies: 1240, lost: 0, lastRttMs: 0.38 })],
        ...overrides,
    };
}
/** The primary probing two monitors, one server down, the link as a whole up. */
export function remoteLinkView(overrides = {}) {
    return {
        active: true,
        failed: false,
        reason: '',
        holdRemainingMs: null,
        threshold: 5,
        flipTimeoutMin: 60,
        failedWeight: 0,
        monitors: [
            linkMonitorView(),
            linkMonitorView({
                name: 'lan-check',
                srcintf: 'port1',
                source: undefined,
                haPriority: 1,
                counted: false,
                servers: [
                    pingServer({ server: '198.18.1.254', state: 'dead', replies: 0, lost: 1240, lastRttMs: null, lastChangeAgoMs: 12_500 }),
                ],
            }),
        ],
        ...overrides,
    };
}
//# sourceMappingURL=views.fixture.js.map