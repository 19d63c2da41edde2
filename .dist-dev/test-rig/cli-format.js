function table(rows) {
    const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
    return rows
        .map((r) => r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd())
        .join('\n');
}
export function formatStatus(s) {
    const rows = [['board', 'namespace', 'pid', 'process', 'ha', 'primary', 'members', 'watchdog resets']];
    for (const b of s.boards) {
        rows.push([
            b.board,
            b.namespace,
            b.pid === null ? '-' : String(b.pid),
            b.process === 'dead' && b.exit ? `dead (${b.exit.signal ?? `code ${b.exit.code}`})` : b.process,
            b.state ?? (b.process === 'alive' ? `- (${b.haError ?? 'no answer'})` : '-'),
            b.primary ?? '-',
            b.members === null ? '-' : String(b.members),
            String(b.watchdogResets),
        ]);
    }
    return `rig ${s.name} (supervisor pid ${s.supervisorPid})\n${table(rows)}\n`;
}
//# sourceMappingURL=cli-format.js.map