export function recordingLog(lines) {
    const line = (level) => (m) => lines.push(`${level} ${m}`);
    return {
        debug: line('debug'),
        info: line('info'),
        warn: line('warn'),
        error: line('error'),
        event: (m, level = 'info') => lines.push(`event ${level} ${m}`),
    };
}
//# sourceMappingURL=logger.testkit.js.map