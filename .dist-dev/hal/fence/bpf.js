/**
 * The bpf(2) calls the fence needs, through koffi: an mmapable array map, a tcx program load
 * (with the verifier's log on refusal), a tcx link, and pinning links in a bpffs so they
 * outlive the process. Pointers inside `union bpf_attr` must be
 * native addresses, so the buffers they point at are native memory (nativeBuffer, libc.ts)
 * written through its view.
 */
import koffi from 'koffi';
import { ABI, MAP_FAILED } from '../abi.js';
import { HalError } from '../errors.js';
import { errno, errnoText, freeNative, libc, nativeBuffer } from '../libc.js';
const lib = koffi.load('libc.so.6');
const syscall = lib.func('long syscall(long nr, ...)');
const mmap = lib.func('void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off)');
const munmap = lib.func('int munmap(void *addr, size_t len)');
const BPF_MAP_CREATE = 0;
const BPF_PROG_LOAD = 5;
const BPF_OBJ_PIN = 6;
const BPF_OBJ_GET = 7;
const BPF_LINK_CREATE = 28;
const BPF_LINK_UPDATE = 29;
const BPF_LINK_DETACH = 34;
const BPF_MAP_TYPE_ARRAY = 2;
const BPF_F_MMAPABLE = 1 << 10;
const BPF_PROG_TYPE_SCHED_CLS = 3;
export const BPF_TCX_INGRESS = 46;
export const BPF_TCX_EGRESS = 47;
const ATTR_BYTES = 128;
const PROT_READ_WRITE = 0x3;
const MAP_SHARED = 0x1;
const PAGE = 4096;
const LOG_BYTES = 64 * 1024;
const DEVICE = 'fence';
function bpf(cmd, attr, operation, detail) {
    const r = Number(syscall(ABI.nrBpf, 'int', cmd, 'void *', attr, 'uint32_t', attr.length));
    if (r < 0) {
        const err = errno();
        const more = detail?.();
        throw new HalError(DEVICE, operation, err, more ? `${errnoText(err)}; ${more}` : errnoText(err));
    }
    return r;
}
function setName(attr, offset, name) {
    attr.set(new TextEncoder().encode(name.slice(0, 15)), offset);
}
export function createLeaseMap() {
    const attr = new Uint8Array(ATTR_BYTES);
    const v = new DataView(attr.buffer);
    v.setUint32(0, BPF_MAP_TYPE_ARRAY, true);
    v.setUint32(4, 4, true);
    v.setUint32(8, 8, true);
    v.setUint32(12, 1, true);
    v.setUint32(16, BPF_F_MMAPABLE, true);
    setName(attr, 28, 'tandem_lease');
    const fd = bpf(BPF_MAP_CREATE, attr, 'create the lease map');
    const ptr = mmap(null, PAGE, PROT_READ_WRITE, MAP_SHARED, fd, 0);
    if (koffi.address(ptr) === MAP_FAILED) {
        const err = errno();
        closeFd(fd);
        throw new HalError(DEVICE, 'map the lease map', err, errnoText(err));
    }
    return {
        fd,
        words: new Uint32Array(koffi.view(ptr, PAGE), 0, 2),
        close() {
            munmap(ptr, PAGE);
            closeFd(fd);
        },
    };
}
/** Loads a tcx program; a refusal carries the end of the verifier's log. */
export function loadTcxProgram(insns, attachType, name) {
    const code = nativeBuffer(insns.length);
    code.view.set(insns);
    const license = nativeBuffer(4);
    license.view.set([0x47, 0x50, 0x4c, 0]);
    const log = nativeBuffer(LOG_BYTES);
    const attr = new Uint8Array(ATTR_BYTES);
    const v = new DataView(attr.buffer);
    v.setUint32(0, BPF_PROG_TYPE_SCHED_CLS, true);
    v.setUint32(4, insns.length / 8, true);
    v.setBigUint64(8, code.address, true);
    v.setBigUint64(16, license.address, true);
    v.setUint32(24, 1, true);
    v.setUint32(28, LOG_BYTES, true);
    v.setBigUint64(32, log.address, true);
    setName(attr, 48, name);
    v.setUint32(68, attachType, true);
    try {
        return bpf(BPF_PROG_LOAD, attr, `load program ${name}`, () => verifierTail(log.view));
    }
    finally {
        freeNative(code);
        freeNative(license);
        freeNative(log);
    }
}
/** Attaches a program to an interface's tcx hook; closing the returned fd detaches it. */
export function attachTcx(progFd, ifindex, attachType, what) {
    const attr = new Uint8Array(ATTR_BYTES);
    const v = new DataView(attr.buffer);
    v.setUint32(0, progFd, true);
    v.setUint32(4, ifindex, true);
    v.setUint32(8, attachType, true);
    return bpf(BPF_LINK_CREATE, attr, `attach ${what}`);
}
/** Pins a BPF object (link, map) at `path` in a bpffs: it outlives every fd of this process. */
export function pinObject(fd, path, what) {
    pathCall(BPF_OBJ_PIN, fd, path, `pin ${what} at ${path}`);
}
/** An fd of the object pinned at `path`; throws HalError (ENOENT when nothing is pinned there). */
export function pinnedObject(path, what) {
    return pathCall(BPF_OBJ_GET, 0, path, `open ${what} pinned at ${path}`);
}
/** Swaps a link's program atomically: the hook never runs without one. */
export function updateLink(linkFd, progFd, what) {
    const attr = new Uint8Array(ATTR_BYTES);
    const v = new DataView(attr.buffer);
    v.setUint32(0, linkFd, true);
    v.setUint32(4, progFd, true);
    bpf(BPF_LINK_UPDATE, attr, `update ${what}`);
}
/** Detaches a link from its hook, whoever else holds it (a pin). */
export function detachLink(linkFd, what) {
    const attr = new Uint8Array(ATTR_BYTES);
    new DataView(attr.buffer).setUint32(0, linkFd, true);
    bpf(BPF_LINK_DETACH, attr, `detach ${what}`);
}
function pathCall(cmd, fd, path, operation) {
    const bytes = new TextEncoder().encode(path);
    const name = nativeBuffer(bytes.length + 1);
    name.view.set(bytes);
    name.view[bytes.length] = 0;
    const attr = new Uint8Array(ATTR_BYTES);
    const v = new DataView(attr.buffer);
    v.setBigUint64(0, name.address, true);
    v.setUint32(8, fd, true);
    try {
        return bpf(cmd, attr, operation);
    }
    finally {
        freeNative(name);
    }
}
export function closeFd(fd) {
    if (fd >= 0)
        libc.close(fd);
}
function verifierTail(log) {
    const end = log.indexOf(0);
    const text = new TextDecoder().decode(log.subarray(0, end < 0 ? log.length : end)).trim();
    return text ? `verifier: ${text.split('\n').slice(-4).join(' | ')}` : '';
}
//# sourceMappingURL=bpf.js.map