/**
 * A binary min-heap of items by their `due` time: push and pop in O(log n), the earliest at the
 * top. Items are kept as given (no wrapper per item), so a heap of a hundred thousand deadlines
 * costs one array of references.
 */
export interface Due {
  readonly due: number;
}

export class DueHeap<T extends Due> {
  readonly #items: T[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** The item due first, or undefined when empty. */
  peek(): T | undefined {
    return this.#items[0];
  }

  push(item: T): void {
    const a = this.#items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as T;
      if (p.due <= item.due) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }

  /** Removes and returns the item due first. */
  pop(): T | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) this.#sink(0, last);
    return top;
  }

  /** Keeps only the items `keep` says yes to (a rebuild in O(n)). */
  retain(keep: (item: T) => boolean): void {
    const a = this.#items;
    let n = 0;
    for (const item of a) if (keep(item)) a[n++] = item;
    a.length = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.#sink(i, a[i] as T);
  }

  clear(): void {
    this.#items.length = 0;
  }

  /** Puts `item` at slot `i` or below, moving smaller children up. */
  #sink(i: number, item: T): void {
    const a = this.#items;
    const n = a.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (a[right] as T).due < (a[child] as T).due) child = right;
      const c = a[child] as T;
      if (c.due >= item.due) break;
      a[i] = c;
      i = child;
    }
    a[i] = item;
  }
}
