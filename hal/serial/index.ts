/**
 * Serial device: one console line, bytes in and out.
 *
 * `open` rejects with HalError when the tty cannot be opened. After open, write errors are
 * reported through `onError` and never thrown: a console must not bring the firmware down.
 */
export interface SerialLine {
  write(data: string | Uint8Array): void;
  onData(handler: (chunk: Uint8Array) => void): void;
  onError(handler: (err: Error) => void): void;
  close(): Promise<void>;
}

export interface SerialDevice {
  open(path: string, baudRate: number): Promise<SerialLine>;
}
