/**
 * A console editing session for one top-level section, with FortiOS semantics: `set`,
 * `unset`, `get`, `show`, `edit`/`next`/`delete` in tables, nested `config`/`end`, and `end`
 * at the top to validate and commit, `abort` to discard. Changes go to a private draft of the
 * section, so nothing is visible to the runtime until a commit succeeds. Errors are printed in
 * FortiOS shape ("... parse error before '<token>'", "Command fail. Return code <n>") with our
 * explanation after the token.
 */
import type { ConfigEditorSession, EditorReply } from './api.js';
import { deleteEntry, editEntry, enterChild, setOption, unsetOption } from './assign.js';
import { commandFail, parseFail, RETURN_CODE } from './command-fail.js';
import { ConfigError } from './errors.js';
import { type Token, tokenize } from './lexer.js';
import { getSection, getTable, printBlock, printEntry } from './printer.js';
import { type SchemaContext, type SectionSchema, sectionKey, sectionLabel, type TableSchema, type TopSection } from './schema.js';
import type { ConfigNode, SectionNode, TableNode } from './tree.js';

const COMMANDS = ['set', 'unset', 'get', 'show', 'edit', 'delete', 'next', 'config', 'end', 'abort'];

export interface EditorOptions {
  section: TopSection;
  /** A private copy of the section, edited in place. */
  draft: ConfigNode;
  ctx: SchemaContext;
  /** Validates the whole config with the draft in place and saves it; returns text to print. Throws when refused. */
  commit(draft: ConfigNode): string;
}

type Frame =
  | { kind: 'section'; schema: SectionSchema; node: SectionNode; header: string; label: string; entry: boolean }
  | { kind: 'table'; schema: TableSchema; node: TableNode; header: string; label: string };

export function createEditor(opts: EditorOptions): ConfigEditorSession {
  const { section, ctx } = opts;
  const top = frameFor(section.node, opts.draft, `config ${sectionKey(section.words)}`, sectionLabel(section));
  let stack: Frame[] = [top];
  let open = true;

  const reply = (output: string): EditorReply => ({ output, context: open ? stack[stack.length - 1].label : '', active: open });
  const path = () => stack.map((f) => f.header);

  function run(tokens: Token[]): string {
    const frame = stack[stack.length - 1];
    const [head, ...args] = tokens;
    const command = head.quoted ? '' : head.text;
    const where = { path: path() };
    switch (command) {
      case 'set':
      case 'unset': {
        if (frame.kind !== 'section') return parseFail(command, `${command} in a table: use edit <name> first`);
        if (args.length === 0 || args[0].quoted) return parseFail(command, `${command} needs an option name`);
        if (command === 'set') setOption(frame.node, frame.schema, args[0].text, args.slice(1), ctx, where);
        else if (args.length > 1) return parseFail(args[1].text, 'unset takes only the option name');
        else unsetOption(frame.node, frame.schema, args[0].text, ctx, where);
        return '';
      }
      case 'get':
        return frame.kind === 'section' ? getSection(frame.schema, frame.node) : getTable(frame.node);
      case 'show': {
        const full = args[0]?.text === 'full-configuration';
        if (args.length > (full ? 1 : 0)) return parseFail(args[args.length - 1].text, 'show takes only full-configuration');
        if (frame.kind === 'section' && frame.entry) return printEntry(frame.header, frame.schema, frame.node, ctx, { full });
        return printBlock(frame.header, frame.schema, frame.node, ctx, { full });
      }
      case 'edit':
      case 'delete': {
        if (frame.kind !== 'table') return parseFail(command, `${command} outside a table: ${frame.header} has no entries`);
        if (args.length !== 1) return parseFail(args[1]?.text ?? command, `${command} takes exactly one name`);
        if (command === 'delete') {
          deleteEntry(frame.node, frame.schema, args[0], ctx, where);
          return '';
        }
        const entry = editEntry(frame.node, frame.schema, args[0], ctx, where);
        stack.push({
          kind: 'section',
          schema: frame.schema.entry,
          node: entry.node,
          header: entry.header,
          label: entry.name,
          entry: true,
        });
        return '';
      }
      case 'next':
        if (frame.kind !== 'section' || !frame.entry) return parseFail('next', 'next without edit');
        stack.pop();
        return '';
      case 'config': {
        if (frame.kind !== 'section') return parseFail('config', 'config in a table: use edit <name> first');
        if (args.length === 0) return parseFail('config', 'config needs a section name');
        const child = enterChild(
          frame.node,
          frame.schema,
          args.map((a) => a.text),
          ctx,
          where,
        );
        stack.push(frameFor(child.schema, child.node, child.header, child.name));
        return '';
      }
      case 'end':
        return end();
      case 'abort':
        open = false;
        return '';
      default:
        return parseFail(head.text, `unknown command ${head.text}, allowed: ${COMMANDS.join(', ')}`);
    }
  }

  /** Up one level; inside `edit`, `end` also leaves the table. At the top: validate and commit. */
  function end(): string {
    const before = stack;
    const current = stack[stack.length - 1];
    stack = stack.slice(0, current.kind === 'section' && current.entry ? -2 : -1);
    if (stack.length > 0) return '';
    try {
      const out = opts.commit(opts.draft);
      open = false;
      return out;
    } catch (err) {
      stack = before;
      if (err instanceof ConfigError) return explain(err);
      return commandFail(RETURN_CODE.failed, `config not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return {
    handle(line: string): EditorReply {
      if (!open) return { output: 'not in config mode\n', context: '', active: false };
      try {
        const tokens = tokenize(line);
        return reply(tokens.length === 0 ? '' : run(tokens));
      } catch (err) {
        if (err instanceof ConfigError) return reply(explain(err));
        return reply(commandFail(RETURN_CODE.parse, `internal error: ${err instanceof Error ? err.message : String(err)}`));
      }
    },
  };
}

function frameFor(schema: SectionSchema | TableSchema, node: ConfigNode, header: string, label: string): Frame {
  if (schema.kind === 'table' && node.kind === 'table') return { kind: 'table', schema, node, header, label };
  if (schema.kind === 'section' && node.kind === 'section') return { kind: 'section', schema, node, header, label, entry: false };
  throw new Error(`config tree: ${header} does not match its schema`);
}

/** A ConfigError as the console prints it. */
export function explain(err: ConfigError): string {
  const choices = err.choices ? `, allowed: ${err.choices.length > 0 ? err.choices.join(', ') : '(none)'}` : '';
  switch (err.code) {
    case 'value': {
      const before = err.value || err.option || '';
      const subject = err.option ?? 'name';
      const why = err.expected ? `${subject} must be ${err.expected}` : `${err.reason}${choices}`;
      return parseFail(before, why, 'value');
    }
    case 'rule':
      return commandFail(RETURN_CODE.check, `node_check_object fail! for ${err.option}: ${err.message}`);
    default:
      return parseFail(err.value ?? '', `${err.reason}${choices}`);
  }
}
