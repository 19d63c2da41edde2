/** A failed OS call in a driver: which device, which operation, which errno. */
export class HalError extends Error {
  constructor(
    readonly device: string,
    readonly operation: string,
    readonly errno: number,
    detail?: string,
  ) {
    super(`${device}: ${operation} failed (errno ${errno}${detail ? `, ${detail}` : ''})`);
    this.name = 'HalError';
  }
}
