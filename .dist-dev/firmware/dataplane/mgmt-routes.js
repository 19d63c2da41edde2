import { ipv4ToNumber, numberToIpv4 } from '../../lib/ip-text.js';
/** The routing table of management routes. */
export const MGMT_TABLE = 100;
/** The rules' priority: after the kernel's `local` rule (0), before `main` (32766). */
export const MGMT_RULE_PRIORITY = 100;
export const NO_MGMT_ROUTING = { routes: [], rules: [] };
/** The network of a prefix, host bits cleared: "198.18.3.0/24" for 198.18.3.11/24. */
function network(prefix) {
    const bits = prefix.prefixLength;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    // Addresses here passed the configuration's IPv4 kinds, so each one parses.
    return `${numberToIpv4((ipv4ToNumber(prefix.address) & mask) >>> 0)}/${bits}`;
}
/** "198.18.200.0/24" as a prefix, or undefined when it is not one. */
function parsePrefix(text) {
    const [address = '', bits = '', extra] = text.split('/');
    const prefixLength = Number(bits);
    if (extra !== undefined || !/^\d{1,2}$/.test(bits) || prefixLength > 32 || ipv4ToNumber(address) === undefined)
        return undefined;
    return { address, prefixLength };
}
/**
 * Where this unit's own management traffic (syslog) leaves from: with `ha-direct`, the address
 * of the first reserved interface (its table-100 rule routes the replies and the messages);
 * otherwise undefined, any address the routes choose.
 */
export function directSource(settings, dp) {
    const reserved = settings.haDirect && settings.haMgmtStatus ? settings.mgmtInterfaces[0] : undefined;
    return reserved && dp.interfaces.find((i) => i.name === reserved.interface)?.address?.address;
}
/**
 * The routes and rules management needs: for each reserved interface with an address, its
 * network and a rule for its address; for each entry, `dst` via `gateway` there. Entries that
 * cannot be routed are left out with the reason.
 */
export function mgmtPlan(input, dp, ports) {
    const plan = { routes: [], rules: [], problems: [] };
    if (!input.haMgmtStatus)
        return plan;
    const routeTo = (dst) => plan.routes.find((r) => r.dst === dst);
    for (const e of input.mgmtInterfaces) {
        const where = `ha-mgmt-interfaces ${e.id}`;
        const port = ports.find((p) => p.name === e.interface);
        const address = dp.interfaces.find((i) => i.name === e.interface)?.address;
        const dst = parsePrefix(e.dst);
        if (!port) {
            plan.problems.push(`${where}: interface "${e.interface}" is not a port of this board`);
            continue;
        }
        if (!address) {
            plan.problems.push(`${where}: interface "${e.interface}" has no address to manage this unit from`);
            continue;
        }
        if (!dst) {
            plan.problems.push(`${where}: dst "${e.dst}" is not an IPv4 prefix a.b.c.d/0-32`);
            continue;
        }
        const ifname = port.ifname;
        const from = `${address.address}/32`;
        if (!plan.rules.some((r) => r.from === from))
            plan.rules.push({ from, table: MGMT_TABLE, priority: MGMT_RULE_PRIORITY });
        const own = network(address);
        if (!routeTo(own))
            plan.routes.push({ dst: own, ifname, metric: 0, table: MGMT_TABLE });
        const target = network(dst);
        const taken = routeTo(target);
        if (taken) {
            plan.problems.push(`${where}: dst ${target} is already reached through ${taken.gateway ?? `${e.interface}'s own network`}`);
            continue;
        }
        plan.routes.push({
            dst: target,
            gateway: e.gateway === '0.0.0.0' ? undefined : e.gateway,
            ifname,
            metric: 0,
            table: MGMT_TABLE,
        });
    }
    return plan;
}
const routeKey = (r) => `${r.table ?? 'main'} ${r.dst} ${r.metric}`;
const routeText = (r) => `${r.dst} via ${r.gateway ?? r.ifname} table ${r.table ?? 'main'}`;
const ruleKey = (r) => `from ${r.from} lookup ${r.table} priority ${r.priority}`;
/**
 * Brings the kernel from `installed` (what the previous call left) to `want`: removes the rules
 * and routes no longer wanted, then replaces every wanted route and adds every wanted rule
 * (both idempotent, so a route the kernel flushed comes back). Returns what is installed now,
 * for the next call (a failed removal stays, to be tried again), and what failed.
 */
export function reconcileMgmtRouting(nic, installed, want) {
    const failures = [];
    const attempt = (what, run) => {
        try {
            run();
            return true;
        }
        catch (err) {
            failures.push(`${what}: ${err.message}`);
            return false;
        }
    };
    const wantedRule = new Set(want.rules.map(ruleKey));
    const wantedRoute = new Set(want.routes.map(routeKey));
    const staleRules = installed.rules.filter((r) => !wantedRule.has(ruleKey(r)) && !attempt(`remove rule ${ruleKey(r)}`, () => nic.removeRule(r)));
    const staleRoutes = installed.routes.filter((r) => !wantedRoute.has(routeKey(r)) && !attempt(`remove route ${routeText(r)}`, () => nic.removeRoute(r)));
    // A route that could not be replaced leaves the one it would have replaced, if any.
    const routes = want.routes.flatMap((r) => attempt(`route ${routeText(r)}`, () => nic.replaceRoute(r))
        ? [r]
        : installed.routes.filter((old) => routeKey(old) === routeKey(r)));
    const rules = want.rules.filter((r) => attempt(`rule ${ruleKey(r)}`, () => nic.addRule(r)) || installed.rules.some((old) => ruleKey(old) === ruleKey(r)));
    return { installed: { routes: [...staleRoutes, ...routes], rules: [...staleRules, ...rules] }, failures };
}
//# sourceMappingURL=mgmt-routes.js.map