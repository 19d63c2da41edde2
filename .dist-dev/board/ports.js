export class UnknownPortError extends Error {
    port;
    known;
    constructor(port, known) {
        super(`no port "${port}" on this board, its ports: ${known.join(', ') || '(none)'}`);
        this.port = port;
        this.known = known;
        this.name = 'UnknownPortError';
    }
}
/** The kernel interface of front-panel port `name`; UnknownPortError when the board has none. */
export function portIfname(ports, name) {
    const port = ports.find((p) => p.name === name);
    if (!port)
        throw new UnknownPortError(name, ports.map((p) => p.name));
    return port.ifname;
}
//# sourceMappingURL=ports.js.map