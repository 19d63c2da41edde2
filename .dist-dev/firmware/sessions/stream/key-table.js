/**
 * A set of session keys, each with a 2-bit mark, for the reconciler of a full resync: 1M
 * sessions in 16 MiB, and no allocation per key.
 *
 * A key is 64 bits the caller computes from the session's tuple (two u32 words: no BigInt,
 * which would allocate on every call). The table keeps the low word in one Uint32Array and
 * the high word in another, whose top 2 bits hold the mark, so keys are 62 bits: two of 1M
 * sessions share a key with odds of about 1 in 10^7, and the cost of that is one stale session
 * not deleted. A stored word is never 0 (its mark is 1-3), so 0 marks an empty slot.
 *
 * Open addressing with linear probing, at most 3/4 full: a lookup reads one or two adjacent
 * slots on average, and the table is sized once from the expected count (1M → 2^21 slots ×
 * 8 bytes), doubling only when the count outgrows the estimate. There is no removal: the
 * reconciler records a deletion as a mark, and drops the whole table when the resync ends.
 */
const MAX_LOAD = 0.75;
const MIN_SLOTS = 1024;
/** 2^28 slots (2 GiB): far above any conntrack table; a guard against a runaway count. */
const MAX_SLOTS = 2 ** 28;
/**
 * An estimate sizes the table up to 2^22 slots (3M keys, 32 MiB); past that the table grows
 * with the keys, so a wrong estimate off the wire cannot claim gigabytes.
 */
const MAX_ESTIMATED_SLOTS = 2 ** 22;
const KEY_BITS = 0x3fff_ffff;
const MARK_SHIFT = 30;
/** A key's home slot: the caller's key may be a weak hash, so its bits are mixed (murmur3's finalizer). */
function home(hi, lo, mask) {
    let h = lo ^ Math.imul(hi, 0x9e37_79b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85eb_ca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2_ae35);
    h ^= h >>> 16;
    return h & mask;
}
function slotsFor(expected) {
    let n = MIN_SLOTS;
    while (n < MAX_ESTIMATED_SLOTS && n * MAX_LOAD < expected)
        n *= 2;
    return n;
}
export class KeyTable {
    #hi;
    #lo;
    #mask;
    #size = 0;
    /** Sized so that `expected` keys (up to 3M) fit without growing. */
    constructor(expected) {
        if (!(Number.isFinite(expected) && expected >= 0))
            throw new RangeError(`expected ${expected} keys: expected a count >= 0`);
        const n = slotsFor(expected);
        this.#hi = new Uint32Array(n);
        this.#lo = new Uint32Array(n);
        this.#mask = n - 1;
    }
    /** Keys stored. */
    get size() {
        return this.#size;
    }
    /** Bytes the table holds. */
    get byteLength() {
        return this.#hi.byteLength + this.#lo.byteLength;
    }
    /** The key's mark; 0 when it is not in the table. */
    mark(hi, lo) {
        const i = this.#find(hi & KEY_BITS, lo >>> 0);
        return i < 0 ? 0 : (this.#hi[i] >>> MARK_SHIFT);
    }
    /** Stores the key with `mark`, or changes its mark. */
    set(hi, lo, mark) {
        const key = hi & KEY_BITS;
        const low = lo >>> 0;
        let i = this.#find(key, low);
        if (i < 0) {
            if (this.#size + 1 > (this.#mask + 1) * MAX_LOAD) {
                this.#grow();
                i = this.#find(key, low);
            }
            i = ~i;
            this.#lo[i] = low;
            this.#size++;
        }
        this.#hi[i] = ((mark << MARK_SHIFT) | key) >>> 0;
    }
    /** The key's slot, or ~slot of the empty one where it would go. */
    #find(key, lo) {
        const his = this.#hi;
        const los = this.#lo;
        const mask = this.#mask;
        for (let i = home(key, lo, mask);; i = (i + 1) & mask) {
            const word = his[i];
            if (word === 0)
                return ~i;
            if ((word & KEY_BITS) === key && los[i] === lo)
                return i;
        }
    }
    /** Doubles the table (the estimate was low): every key is placed again. */
    #grow() {
        const oldHi = this.#hi;
        const oldLo = this.#lo;
        const n = oldHi.length * 2;
        if (n > MAX_SLOTS)
            throw new RangeError(`key table of ${this.#size} keys: at most ${MAX_SLOTS * MAX_LOAD}`);
        this.#hi = new Uint32Array(n);
        this.#lo = new Uint32Array(n);
        this.#mask = n - 1;
        for (let j = 0; j < oldHi.length; j++) {
            const word = oldHi[j];
            if (word === 0)
                continue;
            const i = ~this.#find(word & KEY_BITS, oldLo[j]);
            this.#hi[i] = word;
            this.#lo[i] = oldLo[j];
        }
    }
}
//# sourceMappingURL=key-table.js.map