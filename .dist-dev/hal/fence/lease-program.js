/**
 * The fence's eBPF program (tcx, one per port and direction), assembled here so that the image
 * needs no compiler. It lets a frame pass unless its MAC at `macOffset` (0: destination, on
 * ingress; 6: source, on egress) is the fenced one and the lease has run out:
 *
 *   if (data + 12 > data_end) return NEXT;
 *   if (mac at macOffset != fenced) return NEXT;
 *   lease = map[0];                     // deadline, CLOCK_MONOTONIC ms, u64; 0: revoked
 *   if (ktime_get_ns() / 1e6 < lease) return NEXT;
 *   return DROP;
 *
 * The worker writes the deadline as two 32-bit words, high then low: between renewals only the
 * low word changes, so the kernel never reads a torn value except for an instant once every
 * 49 days of uptime, when the high word steps.
 */
/** tcx verdicts (include/uapi/linux/bpf.h). */
const TCX_NEXT = -1;
const TCX_DROP = 2;
/** struct __sk_buff offsets of data and data_end. */
const SKB_DATA = 76;
const SKB_DATA_END = 80;
const HELPER_MAP_LOOKUP_ELEM = 1;
const HELPER_KTIME_GET_NS = 5;
const BPF_PSEUDO_MAP_FD = 1;
const R0 = 0;
const R1 = 1;
const R2 = 2;
const R3 = 3;
const R4 = 4;
const R5 = 5;
const R6 = 6;
const R7 = 7;
const FP = 10;
export const INSN_BYTES = 8;
/** The program's instructions for `mac` at `macOffset`, reading the lease from map `mapFd`. */
export function leaseProgram(mapFd, macOffset, mac) {
    if (mac.length !== 6)
        throw new RangeError(`fenced MAC must be 6 bytes, got ${mac.length}`);
    // Three 16-bit loads, not 32 + 16: 2-byte aligned however the frame sits (NET_IP_ALIGN), so
    // the verifier accepts it on strict-alignment boards too. Host order: the boards are little-endian.
    const half = (i) => mac[i] | (mac[i + 1] << 8);
    const body = [
        [0xbf, R6, R1, 0, 0], // r6 = ctx
        [0x61, R2, R6, SKB_DATA, 0], // r2 = data
        [0x61, R3, R6, SKB_DATA_END, 0], // r3 = data_end
        [0xbf, R4, R2, 0, 0], // r4 = data
        [0x07, R4, 0, 0, 12], // r4 += 12
        [0x2d, R4, R3, -1, 0], // if r4 > r3 goto pass
        [0x69, R5, R2, macOffset, 0], // w5 = MAC bytes 0-1
        [0x56, R5, 0, -1, half(0)], // if w5 != them goto pass (32-bit compare)
        [0x69, R5, R2, macOffset + 2, 0], // bytes 2-3
        [0x56, R5, 0, -1, half(2)],
        [0x69, R5, R2, macOffset + 4, 0], // bytes 4-5
        [0x56, R5, 0, -1, half(4)],
        [0x62, FP, 0, -4, 0], // *(u32 *)(fp - 4) = 0: the key
        [0xbf, R2, FP, 0, 0], // r2 = fp
        [0x07, R2, 0, 0, -4], // r2 -= 4
        [0x18, R1, BPF_PSEUDO_MAP_FD, 0, mapFd], // r1 = map (ld_imm64, two slots)
        [0x00, 0, 0, 0, 0],
        [0x85, 0, 0, 0, HELPER_MAP_LOOKUP_ELEM], // r0 = &map[0]
        [0x15, R0, 0, -1, 0], // if r0 == NULL goto pass
        [0x79, R7, R0, 0, 0], // r7 = lease deadline (ms)
        [0x85, 0, 0, 0, HELPER_KTIME_GET_NS], // r0 = CLOCK_MONOTONIC ns
        [0x37, R0, 0, 0, 1_000_000], // r0 /= 1e6: ms
        [0xad, R0, R7, -1, 0], // if r0 < r7 goto pass: the lease holds
        [0xb7, R0, 0, 0, TCX_DROP],
        [0x95, 0, 0, 0, 0],
    ];
    const pass = [
        [0xb7, R0, 0, 0, TCX_NEXT],
        [0x95, 0, 0, 0, 0],
    ];
    const passAt = body.length;
    const insns = [...body, ...pass];
    const out = new Uint8Array(insns.length * INSN_BYTES);
    const view = new DataView(out.buffer);
    insns.forEach(([code, dst, src, off, imm], i) => {
        // Jumps to "pass" are written with off -1 above and resolved here (relative to the next insn).
        const offset = off === -1 && isJump(code) ? passAt - i - 1 : off;
        view.setUint8(i * INSN_BYTES, code);
        view.setUint8(i * INSN_BYTES + 1, (src << 4) | dst);
        view.setInt16(i * INSN_BYTES + 2, offset, true);
        view.setInt32(i * INSN_BYTES + 4, imm | 0, true);
    });
    return out;
}
function isJump(code) {
    const cls = code & 0x07;
    const op = code & 0xf0;
    return (cls === 0x05 || cls === 0x06) && op !== 0x80 && op !== 0x90;
}
//# sourceMappingURL=lease-program.js.map