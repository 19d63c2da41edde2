/**
 * `tandem-rig`: bring rigs up and down, run console commands, inject faults, watch status,
 * attach to a board's serial console. Human-readable output by default, `--json` for code.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatStatus } from './cli-format.js';
import { FAULT_KINDS, type FaultKind, isFaultKind } from './control.js';
import { RigError } from './errors.js';
import { checkBoardCount, parseBoard } from './paths.js';
import { cleanStale, downAll, rig, up, type WaitMode } from './rig.js';

export const USAGE = `Usage: tandem-rig <command> [options]

Commands:
  up [--boards 2..4] [--config FILE]... [--wait formed|booted|none] [--timeout S]
                           start a rig; the i-th --config is board i's configuration
                           (default: the rig's own); waits until the cluster has formed
                           (default), every board answers (booted) or not at all (none);
                           on failure the rig is taken down and the reason printed
  status                   per board: namespace, pid, process state, HA state, primary, members
  exec <board> "<command>" run console commands on a board (one per line), print the output
  fault <kind> <target>    kill|freeze|thaw|restart|term <board>
                           cut|restore <link>: ha1, ha2, port1, port2, port3 (every board's
                           cable of that link) or A:ha1 (one cable); prints {"atMs": ...},
                           the CLOCK_MONOTONIC time in ms the fault took effect
  console <board> [--replay]
                           attach this terminal to a board's serial console (Ctrl-] detaches);
                           --replay first prints the last output kept (up to 64 KB)
  down [--all]             take the rig down; --all: every rig, and what killed rigs left
  clean                    remove what killed rigs left: namespaces, processes, state folders

Options:
  --name N          rig name, 1-6 of a-z 0-9 (default: $TANDEM_RIG, else "default")
  --firmware FILE   board firmware entry (default: $TANDEM_RIG_FIRMWARE, else dist/firmware/main.js)
  --json            print one JSON object ({"ok": true, ...} or {"ok": false, "error": ...})
  -h, --help        print this text
`;

class UsageError extends RigError {}

type Values = {
  name?: string;
  boards?: string;
  config?: string[];
  wait?: string;
  timeout?: string;
  firmware?: string;
  json?: boolean;
  all?: boolean;
  replay?: boolean;
  help?: boolean;
};

function parse(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        boards: { type: 'string' },
        config: { type: 'string', multiple: true },
        wait: { type: 'string' },
        timeout: { type: 'string' },
        firmware: { type: 'string' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        replay: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function positional(args: string[], index: number, what: string): string {
  const v = args[index];
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
}

function expectArgs(args: string[], count: number, command: string): void {
  if (args.length > count) throw new UsageError(`${command}: unexpected argument "${args[count]}"`);
}

interface Output {
  json: Record<string, unknown>;
  text: string;
}

async function commandUp(v: Values, args: string[]): Promise<Output> {
  expectArgs(args, 0, 'up');
  const wait = (v.wait ?? 'formed') as WaitMode;
  if (!['formed', 'booted', 'none'].includes(wait)) throw new UsageError(`--wait ${v.wait}: use formed, booted or none`);
  const timeoutS = v.timeout === undefined ? undefined : Number(v.timeout);
  if (timeoutS !== undefined && !(timeoutS > 0)) throw new UsageError(`--timeout ${v.timeout}: use a number of seconds above 0`);
  const configs = (v.config ?? []).map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new RigError(`--config ${file}: ${(e as Error).message}`);
    }
  });
  const boards = v.boards === undefined ? undefined : checkBoardCount(Number(v.boards));
  // Interrupting `up` is a failure like any other: the half-made rig goes.
  const interrupted = () => {
    void rig(v.name)
      .down()
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  const say = v.json ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  say?.(`rig ${rig(v.name).name}: building namespaces and bridges, booting ${boards ?? Math.max(2, configs.length)} boards...`);
  const r = await up({
    name: v.name,
    boards,
    configs,
    wait,
    timeoutMs: timeoutS === undefined ? undefined : timeoutS * 1000,
    firmware: v.firmware,
    onProgress: say && ((summary) => say(`  ${summary}`)),
  }).finally(() => process.off('SIGINT', interrupted));
  const status = await r.status();
  const primary = status.boards.find((b) => b.state === 'work');
  const what = wait === 'formed' ? `formed, primary ${primary?.board}` : wait === 'booted' ? 'booted' : 'started';
  return {
    json: { name: r.name, boards: status.boards.length, status },
    text: `rig ${r.name} up: ${status.boards.length} boards ${what}\n${formatStatus(status)}`,
  };
}

async function commandFault(v: Values, args: string[]): Promise<Output> {
  expectArgs(args, 2, 'fault');
  const kind = positional(args, 0, `fault kind (${FAULT_KINDS.join(', ')})`);
  if (!isFaultKind(kind)) throw new UsageError(`fault "${kind}" does not exist: use ${FAULT_KINDS.join(', ')}`);
  const target = positional(args, 1, kind === 'cut' || kind === 'restore' ? 'link (ha1, A:ha1, ...)' : 'board');
  const result = await rig(v.name).fault(kind as FaultKind, target);
  return { json: { ...result }, text: `${JSON.stringify({ atMs: result.atMs })}\n` };
}

async function commandConsole(v: Values, args: string[]): Promise<number> {
  expectArgs(args, 1, 'console');
  const board = parseBoard(positional(args, 0, 'board'));
  const socket = await rig(v.name).console(board, { replay: v.replay ?? false });
  const stdin = process.stdin;
  const tty = stdin.isTTY === true;
  if (tty) {
    process.stderr.write(`attached to board ${board}'s console; Ctrl-] detaches\r\n`);
    stdin.setRawMode(true);
  }
  return new Promise<number>((resolve) => {
    const finish = () => {
      if (tty) stdin.setRawMode(false);
      stdin.pause();
      socket.destroy();
      resolve(0);
    };
    socket.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    socket.on('close', finish);
    socket.on('error', finish);
    stdin.on('data', (chunk: Buffer) => {
      const detach = tty ? chunk.indexOf(0x1d) : -1;
      if (detach >= 0) {
        if (detach > 0) socket.write(chunk.subarray(0, detach));
        finish();
        return;
      }
      socket.write(chunk);
    });
    stdin.on('end', () => socket.end());
    stdin.resume();
  });
}

async function dispatch(command: string, v: Values, args: string[]): Promise<Output> {
  switch (command) {
    case 'up':
      return commandUp(v, args);
    case 'status': {
      expectArgs(args, 0, 'status');
      const status = await rig(v.name).status();
      return { json: { status }, text: formatStatus(status) };
    }
    case 'exec': {
      expectArgs(args, 2, 'exec');
      const board = positional(args, 0, 'board');
      const output = await rig(v.name).exec(board, positional(args, 1, 'console command'));
      return { json: { output }, text: output === '' || output.endsWith('\n') ? output : `${output}\n` };
    }
    case 'fault':
      return commandFault(v, args);
    case 'down': {
      expectArgs(args, 0, 'down');
      if (v.all) {
        const report = await downAll();
        return {
          json: { ...report },
          text: `down: ${report.downed.join(', ') || 'no live rig'}; cleaned: ${report.cleaned.rigs.join(', ') || 'nothing'}\n`,
        };
      }
      const r = rig(v.name);
      const wasUp = await r.down();
      return { json: { name: r.name, wasUp }, text: `rig ${r.name} ${wasUp ? 'down' : 'was not up'}\n` };
    }
    case 'clean': {
      expectArgs(args, 0, 'clean');
      const report = await cleanStale();
      const text =
        report.rigs.length + report.namespaces.length === 0
          ? 'nothing to clean\n'
          : `removed rigs: ${report.rigs.join(', ') || '-'}; namespaces: ${report.namespaces.join(', ') || '-'}; killed: ${report.killed.join(', ') || '-'}\n`;
      return { json: { ...report }, text };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

export async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  try {
    const { values, positionals } = parse(argv);
    json = values.json ?? false;
    const [command, ...args] = positionals;
    if (values.help || command === undefined || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command === 'console') return await commandConsole(values, args);
    const out = await dispatch(command, values, args);
    process.stdout.write(json ? `${JSON.stringify({ ok: true, ...out.json })}\n` : out.text);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`);
    else process.stderr.write(`tandem-rig: ${message}\n${e instanceof UsageError ? 'Try tandem-rig --help.\n' : ''}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
