export function sectionKey(words) {
    return words.join(' ');
}
export function sectionNames(schema) {
    return schema.sections.map((s) => sectionKey(s.words));
}
export function findSection(schema, words) {
    const key = sectionKey(words);
    return schema.sections.find((s) => sectionKey(s.words) === key);
}
/** Adds sections to a schema (its checks kept); a section with the same words replaces the earlier one in place. */
export function extendSchema(base, ...sections) {
    const byKey = new Map(sections.map((s) => [sectionKey(s.words), s]));
    const kept = base.sections.map((s) => byKey.get(sectionKey(s.words)) ?? s);
    const known = new Set(base.sections.map((s) => sectionKey(s.words)));
    return { ...base, sections: [...kept, ...sections.filter((s) => !known.has(sectionKey(s.words)))] };
}
export function findOption(section, name) {
    return section.options.find((o) => o.name === name);
}
export function optionNames(section) {
    return section.options.map((o) => o.name);
}
export function childNames(section) {
    return Object.keys(section.children ?? {});
}
/** What `set ?` lists beside an option: its help, or what its kind takes. */
export function optionHelp(option, ctx) {
    return option.help ?? option.kind.suggest([], ctx).free?.help ?? '';
}
export function optionDefault(option, ctx) {
    return typeof option.default === 'function' ? option.default(ctx) : option.default;
}
/** `edit "port1"` or `edit 1`, as the key kind writes the name. */
export function entryHeader(schema, name) {
    return `edit ${schema.key.print([name]) ?? name}`;
}
/** `ha` for `config system ha`: the prompt context FortiOS shows while editing a section. */
export function sectionLabel(section) {
    return section.words[section.words.length - 1];
}
//# sourceMappingURL=schema.js.map