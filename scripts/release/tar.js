// A tar archive (POSIX ustar) written byte for byte the same on every run: entries in the order
// given (the caller sorts), owner 0:0 without names, mtime 0, and only the modes passed in.
// GNU tar and busybox tar read it. Written here rather than by GNU tar so the build knows where
// each entry starts: the big runtime binary gets a zstd frame of its own (see zstd.js).

const BLOCK = 512;
const NAME = 100;
const PREFIX = 155;

function octal(value, width) {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** Splits `path` into ustar's prefix and name fields, or throws naming the path. */
function splitPath(path) {
  if (Buffer.byteLength(path) <= NAME) return { prefix: '', name: path };
  const cut = path.lastIndexOf('/', path.length - 2);
  const prefix = path.slice(0, cut);
  const name = path.slice(cut + 1);
  if (cut < 0 || Buffer.byteLength(prefix) > PREFIX || Buffer.byteLength(name) > NAME) {
    throw new Error(`tar: ${path} does not fit a ustar header (name ≤ ${NAME} bytes after a folder prefix ≤ ${PREFIX})`);
  }
  return { prefix, name };
}

/** The 512-byte header of a folder (`path` ends in `/`) or a file of `size` bytes. */
function header(path, mode, size) {
  const h = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  h.write(name, 0);
  h.write(octal(mode, 8), 100);
  h.write(octal(0, 8), 108); // uid
  h.write(octal(0, 8), 116); // gid
  h.write(octal(size, 12), 124);
  h.write(octal(0, 12), 136); // mtime
  h.write(' '.repeat(8), 148); // the checksum counts its own field as spaces
  h.write(path.endsWith('/') ? '5' : '0', 156);
  h.write('ustar\x0000', 257);
  h.write(octal(0, 8), 329); // devmajor
  h.write(octal(0, 8), 337); // devminor
  h.write(prefix, 345);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** The bytes of one entry: `{ path, mode, data? }`, data a Buffer for files. */
export function tarEntry({ path, mode, data }) {
  const size = data?.length ?? 0;
  const padding = (BLOCK - (size % BLOCK)) % BLOCK;
  return data ? [header(path, mode, size), data, Buffer.alloc(padding)] : [header(path, mode, 0)];
}

/** The two zero blocks that end an archive. */
export function tarEnd() {
  return Buffer.alloc(2 * BLOCK);
}
