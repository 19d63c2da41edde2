/** Storage device: the board's flash, as files. */
export interface StorageDevice {
  /** Returns the file's text, or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Replaces the file atomically: temp file in the same folder, fsync, rename, fsync folder. */
  writeAtomic(path: string, text: string): void;
  /** The names of the files in a folder (not their paths), sorted; none when the folder does not exist. */
  list(folder: string): string[];
  /** Deletes a file; one already gone is no error. */
  remove(path: string): void;
}
