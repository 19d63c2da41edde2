/**
 * The session loader from a shell, against a board of a running rig (or any namespace):
 *
 *   node dist/test-rig/session-loader-cli.js load 100000 --rate 20000 [--board A] [--rig NAME] [--first 0] [--udp 10]
 *   node dist/test-rig/session-loader-cli.js remove 100000 [--first 0] [--udp 10]
 *   node dist/test-rig/session-loader-cli.js count | flush
 *   ... --ns NAME instead of --rig/--board for another namespace
 *
 * Prints the result as one JSON line (achieved rate, refusals by errno). `--udp` must be given
 * to `remove` as it was to `load`, since it decides which indices are UDP. A board whose
 * table must hold more than the host's nf_conntrack_max refuses the rest with ENOMEM (12):
 * the benchmark raises the limit for its run (conntrack-limits.ts).
 */
import { boardNamespace, parseBoard, resolveRigName } from './paths.js';
import { SessionLoader } from './session-loader.js';
const USAGE = 'usage: session-loader-cli.js load|remove <count> | count | flush [--rate N] [--first N] [--udp PCT] [--board A] [--rig NAME | --ns NAME]';
export function parseArgs(argv) {
    const flags = new Map();
    const rest = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a.startsWith('--')) {
            const value = argv[++i];
            if (value === undefined)
                throw new Error(`${a} needs a value\n${USAGE}`);
            flags.set(a.slice(2), value);
        }
        else
            rest.push(a);
    }
    const [op, countText] = rest;
    if (op !== 'load' && op !== 'remove' && op !== 'count' && op !== 'flush')
        throw new Error(USAGE);
    const count = Number(countText ?? 0);
    if ((op === 'load' || op === 'remove') && !(Number.isInteger(count) && count > 0)) {
        throw new Error(`count "${countText}" is not a positive integer\n${USAGE}`);
    }
    return { op, count, flags };
}
function num(flags, name, fallback) {
    const text = flags.get(name);
    if (text === undefined)
        return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0)
        throw new Error(`--${name} ${text} is not a number >= 0`);
    return n;
}
async function main() {
    const { op, count, flags } = parseArgs(process.argv.slice(2));
    const ns = flags.get('ns') ?? boardNamespace(resolveRigName(flags.get('rig')), parseBoard(flags.get('board') ?? 'A'));
    const loader = await SessionLoader.open(ns);
    try {
        const job = { count, first: num(flags, 'first', 0), ratePerS: num(flags, 'rate', 0), udpPercent: num(flags, 'udp', 0) };
        let result;
        if (op === 'load')
            result = { ...(await loader.load(job)), batches: undefined };
        else if (op === 'remove')
            result = { ...(await loader.remove(job)), batches: undefined };
        else if (op === 'flush')
            result = { op, count: await loader.flush() };
        else
            result = { op, count: await loader.count() };
        process.stdout.write(`${JSON.stringify({ ns, ...result })}\n`);
    }
    finally {
        await loader.close();
    }
}
if (process.argv[1]?.endsWith('session-loader-cli.js')) {
    main().catch((e) => {
        process.stderr.write(`${e.message}\n`);
        process.exit(1);
    });
}
//# sourceMappingURL=session-loader-cli.js.map