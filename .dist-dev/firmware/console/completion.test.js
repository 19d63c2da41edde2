import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENTER, placeholder } from '../config/choice.js';
import { completeFor, formatChoices, helpFor } from './completion.js';
/** A small grammar: `set <option> <value>`, with names that need quoting. */
const source = (words) => {
    if (words.length === 0)
        return [{ word: 'set', help: 'Modify value.' }, { word: 'show', help: 'Show configuration.' }, ENTER];
    if (words[0] !== 'set')
        return [];
    if (words.length === 1)
        return [
            { word: 'priority', help: 'Priority.' },
            { word: 'password', help: 'Password.' },
            { word: 'alias', help: 'A name.' },
        ];
    if (words[1] === 'alias' && words.length === 2)
        return [
            { word: 'lan side', help: '' },
            { word: 'lan "quoted"', help: '' },
        ];
    if (words.length === 2)
        return [placeholder('<integer>', 'an integer 0-255')];
    return [ENTER];
};
test('? lists what may follow the whole words, narrowed by the word being typed', () => {
    assert.equal(helpFor('', source), 'set        Modify value.\nshow       Show configuration.\n<Enter>\n');
    assert.equal(helpFor('s', source), 'set     Modify value.\nshow    Show configuration.\n', '<Enter> only after a whole word');
    assert.equal(helpFor('set p', source), 'priority    Priority.\npassword    Password.\n');
    assert.equal(helpFor('set priority ', source), '<integer>    an integer 0-255\n');
    assert.equal(helpFor('set priority 2', source), '<integer>    an integer 0-255\n', 'a placeholder describes the word being typed');
    assert.equal(helpFor('set priority 2 ', source), '<Enter>\n');
    assert.equal(helpFor('bogus ', source), '');
});
test('a ? inside quotes or after a backslash is a character, not a question', () => {
    assert.equal(helpFor('set alias "what', source), null);
    assert.equal(helpFor("set alias 'what", source), null);
    assert.equal(helpFor('set alias what\\', source), null);
    assert.equal(helpFor('set alias "closed" ', source), '<Enter>\n');
});
test('Tab completes a unique word with a blank, a shared start as far as it goes, nothing past a dead end', () => {
    assert.deepEqual(completeFor('se', source), { insert: 't ', listing: 'set    Modify value.\n' });
    assert.deepEqual(completeFor('set pr', source), { insert: 'iority ', listing: 'priority    Priority.\n' });
    assert.deepEqual(completeFor('set p', source), { insert: '', listing: 'priority    Priority.\npassword    Password.\n' });
    assert.deepEqual(completeFor('s', source).insert, '', 'set and show share only the s');
    assert.deepEqual(completeFor('set priority ', source), { insert: '', listing: '' }, 'a placeholder is never typed for you');
    assert.deepEqual(completeFor('x', source), { insert: '', listing: '' });
    assert.deepEqual(completeFor('set ', source).insert, '');
});
test('a completed word is escaped or its quote closed so the line reads back the same', () => {
    assert.equal(completeFor('set alias lan', source).insert, '\\ ', 'two names share "lan ": the blank escaped');
    assert.equal(completeFor('set alias lan\\ s', source).insert, 'ide ');
    assert.equal(completeFor('set alias "lan s', source).insert, 'ide" ');
    assert.equal(completeFor('set alias "lan \\"', source).insert, 'quoted\\"" ');
    assert.equal(completeFor('set alias "lan "', source).insert, '', 'a closed quote: both names go on with "lan "');
    assert.equal(completeFor('set alias lan\\ \\"', source).insert, 'quoted\\" ');
    assert.equal(completeFor('set alias lan\\', source).insert, '', 'nothing after a lone backslash');
});
test('choices are listed one per line, help in one column', () => {
    const list = [
        { word: 'a', help: 'first' },
        { word: 'longer', help: '' },
        { word: 'mid', help: 'third' },
    ];
    assert.equal(formatChoices(list), 'a         first\nlonger\nmid       third\n');
    assert.equal(formatChoices([]), '');
});
//# sourceMappingURL=completion.test.js.map