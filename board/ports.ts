/**
 * Front-panel port to kernel interface. A name the board lacks is refused rather than passed
 * through as an interface name: the configuration only takes the board's own ports, so an
 * unknown one is a bug, and "no such device" from the kernel much later would hide where.
 */
import type { BoardPort } from './types.js';

export class UnknownPortError extends Error {
  constructor(
    readonly port: string,
    readonly known: readonly string[],
  ) {
    super(`no port "${port}" on this board, its ports: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownPortError';
  }
}

/** The kernel interface of front-panel port `name`; UnknownPortError when the board has none. */
export function portIfname(ports: readonly Pick<BoardPort, 'name' | 'ifname'>[], name: string): string {
  const port = ports.find((p) => p.name === name);
  if (!port)
    throw new UnknownPortError(
      name,
      ports.map((p) => p.name),
    );
  return port.ifname;
}
