/**
 * The rig's network: one namespace per board, a switch namespace with a Linux bridge per
 * segment, and client/server namespaces on the LAN and WAN. Every board port is a veth whose
 * other end sits on a bridge, so a dead board leaves its peers' carrier up (as a switch would)
 * and a cut cable is the switch-side end set down: the board sees NO-CARRIER while admin-up.
 * The client and server route everything else through the gateway addresses the primary holds.
 *
 *   board port  bridge   switch-side end      cli eth0 ── lan (198.18.1.10/24, via 198.18.1.1)
 *   port1       wan      A-port1              srv eth0 ── wan (198.18.2.10/24, via 198.18.2.1)
 *   port2       lan      A-port2              srv eth1 ── mgmt (198.18.3.10/24, no route beyond)
 *   port3       sync     A-port3
 *   ha1         hb1      A-ha1
 *   ha2         hb2      A-ha2
 *   mgmt        mgmt     A-mgmt
 */
import { readdirSync } from 'node:fs';
import { RigError } from './errors.js';
import { BOARD_LETTERS, boardNamespace, checkBoardCount, cliNamespace, NS_PREFIX, parseBoard, srvNamespace, switchNamespace, } from './paths.js';
import { signalQuietly } from './processes.js';
import { GATEWAY_LAN, GATEWAY_WAN } from './rig-gateway.js';
import { ip, ipBatch, ipJson, sysctlIn } from './shell.js';
export const SWITCHES = ['wan', 'lan', 'sync', 'hb1', 'hb2', 'mgmt'];
export const BOARD_PORTS = ['port1', 'port2', 'port3', 'ha1', 'ha2', 'mgmt'];
export const PORT_SWITCH = {
    port1: 'wan',
    port2: 'lan',
    port3: 'sync',
    ha1: 'hb1',
    ha2: 'hb2',
    mgmt: 'mgmt',
};
/** Client and server hosts: addresses from 198.18.0.0/15, which exists only inside the rig. */
export const CLI_HOST = {
    ifname: 'eth0',
    switchPort: 'cli-eth0',
    bridge: 'lan',
    address: '198.18.1.10/24',
    gateway: GATEWAY_LAN,
};
export const SRV_HOST = {
    ifname: 'eth0',
    switchPort: 'srv-eth0',
    bridge: 'wan',
    address: '198.18.2.10/24',
    gateway: GATEWAY_WAN,
};
/** The server's leg on the management network, where each board's own mgmt address is (rig-config.ts). */
export const SRV_MGMT_HOST = {
    ifname: 'eth1',
    switchPort: 'srv-eth1',
    bridge: 'mgmt',
    address: '198.18.3.10/24',
    gateway: undefined,
};
/** Each host leg with the namespace it is in. */
function hostLegs(rig) {
    return [
        [CLI_HOST, cliNamespace(rig)],
        [SRV_HOST, srvNamespace(rig)],
        [SRV_MGMT_HOST, srvNamespace(rig)],
    ];
}
export function switchPortName(cable) {
    return `${cable.board}-${cable.port}`;
}
/** `ha1` (every board's cable of that link) or `A:ha1` (one cable). */
export function parseLinkTarget(target, boards) {
    const [first, second] = target.split(':');
    const portText = second ?? first ?? '';
    if (!BOARD_PORTS.includes(portText)) {
        throw new RigError(`link "${target}" does not exist: use one of ${BOARD_PORTS.join(', ')}, or <board>:<link> like A:ha1`);
    }
    const port = portText;
    if (second !== undefined)
        return [{ board: parseBoard(first ?? '', boards), port }];
    return BOARD_LETTERS.slice(0, boards).map((board) => ({ board, port }));
}
/** `A:port2`: one board's cable, named by board and port. */
export function parsePortTarget(target, boards) {
    const [board, port, extra] = target.split(':');
    if (port === undefined || extra !== undefined) {
        throw new RigError(`port "${target}" is not a board's port: name the board and the port, like A:port2`);
    }
    const letter = parseBoard(board ?? '', boards);
    if (!BOARD_PORTS.includes(port)) {
        throw new RigError(`port "${port}" does not exist: use one of ${BOARD_PORTS.join(', ')}`);
    }
    return { board: letter, port: port };
}
/** All cables of one board. */
export function boardCables(board) {
    return BOARD_PORTS.map((port) => ({ board, port }));
}
export function rigNamespaceNames(rig, boards) {
    return [
        switchNamespace(rig),
        ...BOARD_LETTERS.slice(0, boards).map((l) => boardNamespace(rig, l)),
        cliNamespace(rig),
        srvNamespace(rig),
    ];
}
/** Every namespace that exists now, by name. */
export function listNamespaces() {
    try {
        return readdirSync('/run/netns');
    }
    catch {
        return [];
    }
}
/** Namespaces of one rig that exist now (whatever its board count was). */
export function namespacesOfRig(rig) {
    const prefix = `${NS_PREFIX}${rig}-`;
    return listNamespaces().filter((ns) => ns.startsWith(prefix));
}
const BRIDGE_OPTIONS = 'stp_state 0 forward_delay 0 mcast_snooping 0';
// IPv6 autoconfiguration would put router solicitations and MLD reports on every port; the
// rig's traffic is IPv4 and the heartbeat Ethertypes only.
const QUIET_IPV6 = { 'net.ipv6.conf.all.disable_ipv6': 1, 'net.ipv6.conf.default.disable_ipv6': 1 };
/**
 * Builds the namespaces, bridges and veths of a rig. On failure whatever was made is removed
 * before the error is rethrown.
 */
export async function buildTopology(rig, boards) {
    checkBoardCount(boards);
    const letters = BOARD_LETTERS.slice(0, boards);
    const sw = switchNamespace(rig);
    const names = rigNamespaceNames(rig, boards);
    const existing = names.filter((ns) => listNamespaces().includes(ns));
    if (existing.length > 0)
        throw new RigError(`rig "${rig}": namespace ${existing.join(', ')} already exists`);
    try {
        await ipBatch(null, names.map((ns) => `netns add ${ns}`));
        await Promise.all(names.map((ns) => sysctlIn(ns, QUIET_IPV6)));
        const switchLines = SWITCHES.map((br) => `link add ${br} type bridge ${BRIDGE_OPTIONS}`);
        for (const board of letters) {
            for (const port of BOARD_PORTS) {
                const end = switchPortName({ board, port });
                switchLines.push(`link add ${end} type veth peer name ${port} netns ${boardNamespace(rig, board)}`);
                switchLines.push(`link set ${end} master ${PORT_SWITCH[port]} up`);
            }
        }
        for (const [host, ns] of hostLegs(rig)) {
            switchLines.push(`link add ${host.switchPort} type veth peer name ${host.ifname} netns ${ns}`);
            switchLines.push(`link set ${host.switchPort} master ${host.bridge} up`);
        }
        switchLines.push(...SWITCHES.map((br) => `link set ${br} up`), 'link set lo up');
        await ipBatch(sw, switchLines);
        const boardLines = ['link set lo up', ...BOARD_PORTS.map((p) => `link set ${p} up`)];
        const hostLines = new Map();
        for (const [host, ns] of hostLegs(rig)) {
            const lines = hostLines.get(ns) ?? ['link set lo up'];
            lines.push(`link set ${host.ifname} up`, `addr add ${host.address} dev ${host.ifname}`);
            if (host.gateway)
                lines.push(`route add default via ${host.gateway} dev ${host.ifname}`);
            hostLines.set(ns, lines);
        }
        await Promise.all([
            ...letters.map((l) => ipBatch(boardNamespace(rig, l), boardLines)),
            ...[...hostLines].map(([ns, lines]) => ipBatch(ns, lines)),
        ]);
    }
    catch (e) {
        await teardownTopology(rig).catch(() => { });
        throw e;
    }
}
/** Kills whatever still runs inside a namespace, then deletes it. */
export async function deleteNamespace(ns) {
    const pids = await ip(['netns', 'pids', ns]).catch(() => '');
    for (const pid of pids.split(/\s+/).filter(Boolean))
        signalQuietly(Number(pid), 'SIGKILL');
    await ip(['netns', 'del', ns]).catch((e) => {
        if (listNamespaces().includes(ns))
            throw e;
    });
}
/** Removes every tdm-<rig>-* namespace; the veths and bridges go with them. */
export async function teardownTopology(rig) {
    const failures = [];
    await Promise.all(namespacesOfRig(rig).map((ns) => deleteNamespace(ns).catch((e) => void failures.push(e.message))));
    if (failures.length > 0)
        throw new RigError(`rig "${rig}": teardown left namespaces: ${failures.join('; ')}`);
}
/** Plugs (up) or pulls (down) cables at the switch; all in one `ip` call. */
export async function setCables(rig, cables, up) {
    await ipBatch(switchNamespace(rig), cables.map((c) => `link set ${switchPortName(c)} ${up ? 'up' : 'down'}`));
}
/** Of `cables`, those whose switch-side end is up now. */
export async function cablesUp(rig, cables) {
    const links = await ipJson(['-n', switchNamespace(rig), 'link', 'show']);
    const up = new Set(links.filter((l) => l.flags.includes('UP')).map((l) => l.ifname));
    return cables.filter((c) => up.has(switchPortName(c)));
}
/** An interface as seen inside a namespace. */
export async function linkState(ns, ifname) {
    const [link] = await ipJson(['-n', ns, 'link', 'show', 'dev', ifname]);
    if (!link)
        throw new RigError(`${ns}: interface ${ifname} not found`);
    return {
        adminUp: link.flags.includes('UP'),
        carrier: link.flags.includes('LOWER_UP') && !link.flags.includes('NO-CARRIER'),
        operstate: link.operstate,
    };
}
//# sourceMappingURL=topology.js.map