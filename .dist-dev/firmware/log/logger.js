let sink = (r) => {
    process.stderr.write(`${r.level} ${r.namespace}: ${r.message}\n`);
};
export function setLogSink(next) {
    sink = next;
}
export function createLogger(namespace) {
    const emit = (level, message, event, info) => sink({ level, namespace, message, event, ...info });
    return {
        debug: (m) => emit('debug', m, false),
        info: (m) => emit('info', m, false),
        warn: (m) => emit('warn', m, false),
        error: (m) => emit('error', m, false),
        event: (m, level = 'info', info) => emit(level, m, true, info),
    };
}
//# sourceMappingURL=logger.js.map