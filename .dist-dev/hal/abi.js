/**
 * What differs between the architectures the HAL runs on (the boards are arm64 and armhf, the
 * rig is x64), picked once at load from `process.arch`: sizes of structures holding pointers or
 * `long`, the libc symbols that take a `struct timespec`, and the kernel numbers that depend on
 * the time ABI.
 *
 * On 32-bit ARM glibc's plain clock_gettime and timerfd_settime take a 32-bit time_t; the
 * `__*64` symbols (glibc ≥ 2.34) take the same 64-bit timespec as the 64-bit architectures, so
 * every driver keeps one timespec layout and only the symbol names differ.
 */
import koffi from 'koffi';
const SIOCGSTAMPNS_OLD = 0x8907;
const SIOCGSTAMPNS_NEW = 0x80108907;
const ABIS = {
    x64: { nrBpf: 321, clockGettime: 'clock_gettime', timerfdSettime: 'timerfd_settime', siocgstampns: SIOCGSTAMPNS_OLD },
    arm64: { nrBpf: 280, clockGettime: 'clock_gettime', timerfdSettime: 'timerfd_settime', siocgstampns: SIOCGSTAMPNS_OLD },
    arm: {
        nrBpf: 386,
        clockGettime: '__clock_gettime64',
        timerfdSettime: '__timerfd_settime64',
        siocgstampns: SIOCGSTAMPNS_NEW,
    },
};
function abiOf(arch) {
    const abi = ABIS[arch];
    if (abi === undefined)
        throw new Error(`the HAL has no ABI for architecture ${arch}: allowed: ${Object.keys(ABIS).join(', ')}`);
    return abi;
}
export const ABI = abiOf(process.arch);
/** Size of a pointer (and of size_t) in the structures the kernel reads: 8 on x64 and arm64, 4 on armhf. */
export const POINTER_BYTES = koffi.sizeof('void *');
/** mmap's MAP_FAILED, (void *)-1, as koffi.address gives it. */
export const MAP_FAILED = (1n << BigInt(8 * POINTER_BYTES)) - 1n;
/**
 * struct ifreq: the name (IFNAMSIZ, 16 bytes), then a union whose largest member is struct
 * ifmap { unsigned long mem_start, mem_end; unsigned short base_addr; unsigned char irq, dma,
 * port; }: 40 bytes with an 8-byte long, 32 with a 4-byte one.
 */
const LONG_BYTES = koffi.sizeof('long');
export const IFREQ_BYTES = 16 + Math.ceil((2 * LONG_BYTES + 5) / LONG_BYTES) * LONG_BYTES;
//# sourceMappingURL=abi.js.map