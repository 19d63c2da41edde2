export class DueHeap {
    #items = [];
    get size() {
        return this.#items.length;
    }
    /** The item due first, or undefined when empty. */
    peek() {
        return this.#items[0];
    }
    push(item) {
        const a = this.#items;
        a.push(item);
        let i = a.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            const p = a[parent];
            if (p.due <= item.due)
                break;
            a[i] = p;
            i = parent;
        }
        a[i] = item;
    }
    /** Removes and returns the item due first. */
    pop() {
        const a = this.#items;
        const top = a[0];
        const last = a.pop();
        if (a.length > 0 && last !== undefined)
            this.#sink(0, last);
        return top;
    }
    /** Keeps only the items `keep` says yes to (a rebuild in O(n)). */
    retain(keep) {
        const a = this.#items;
        let n = 0;
        for (const item of a)
            if (keep(item))
                a[n++] = item;
        a.length = n;
        for (let i = (n >> 1) - 1; i >= 0; i--)
            this.#sink(i, a[i]);
    }
    clear() {
        this.#items.length = 0;
    }
    /** Puts `item` at slot `i` or below, moving smaller children up. */
    #sink(i, item) {
        const a = this.#items;
        const n = a.length;
        for (;;) {
            let child = 2 * i + 1;
            if (child >= n)
                break;
            const right = child + 1;
            if (right < n && a[right].due < a[child].due)
                child = right;
            const c = a[child];
            if (c.due >= item.due)
                break;
            a[i] = c;
            i = child;
        }
        a[i] = item;
    }
}
//# sourceMappingURL=due-heap.js.map