/** Calls `onLine` with each complete line received; returns a function that stops listening. */
export function readLines(stream, onLine) {
    let pending = '';
    const onData = (chunk) => {
        pending += chunk.toString();
        let nl = pending.indexOf('\n');
        while (nl >= 0) {
            const line = pending.slice(0, nl).trim();
            pending = pending.slice(nl + 1);
            if (line)
                onLine(line);
            nl = pending.indexOf('\n');
        }
    };
    stream.on('data', onData);
    return () => stream.off('data', onData);
}
export function encodeLine(value) {
    return `${JSON.stringify(value)}\n`;
}
//# sourceMappingURL=jsonl.js.map