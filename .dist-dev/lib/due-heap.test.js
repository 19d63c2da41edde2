import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DueHeap } from './due-heap.js';
import { seededRandom as random } from './seeded-random.testkit.js';
test('pops in due order whatever the push order, ties included', () => {
    const rnd = random(7);
    const heap = new DueHeap();
    const dues = Array.from({ length: 2000 }, () => Math.floor(rnd() * 500));
    for (const [n, due] of dues.entries())
        heap.push({ due, n });
    assert.equal(heap.size, 2000);
    const out = [];
    for (let item = heap.pop(); item; item = heap.pop())
        out.push(item.due);
    assert.deepEqual(out, [...dues].sort((a, b) => a - b));
    assert.equal(heap.peek(), undefined);
    assert.equal(heap.pop(), undefined);
});
test('pops and pushes interleaved keep the earliest on top', () => {
    const rnd = random(11);
    const heap = new DueHeap();
    const mirror = [];
    for (let i = 0; i < 5000; i++) {
        if (mirror.length > 0 && rnd() < 0.45) {
            mirror.sort((a, b) => a - b);
            assert.equal(heap.pop()?.due, mirror.shift());
        }
        else {
            const due = rnd() * 1000;
            heap.push({ due });
            mirror.push(due);
        }
        assert.equal(heap.peek()?.due, mirror.length > 0 ? Math.min(...mirror) : undefined);
    }
});
test('retain drops what it is told to and the rest still pops in order', () => {
    const heap = new DueHeap();
    for (let i = 0; i < 1000; i++)
        heap.push({ due: (i * 7919) % 1000, keep: i % 3 !== 0 });
    heap.retain((item) => item.keep);
    assert.equal(heap.size, 666);
    let last = -1;
    for (let item = heap.pop(); item; item = heap.pop()) {
        assert.ok(item.keep);
        assert.ok(item.due >= last, `${item.due} after ${last}`);
        last = item.due;
    }
    heap.push({ due: 1, keep: true });
    heap.clear();
    assert.equal(heap.size, 0);
});
//# sourceMappingURL=due-heap.test.js.map