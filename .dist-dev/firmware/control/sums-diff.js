/** Section names present in either set whose sums differ (a section only one side has counts), sorted. */
export function differingSections(a, b) {
    const names = new Set([...Object.keys(a.sections), ...Object.keys(b.sections)]);
    return [...names].filter((n) => a.sections[n] !== b.sections[n]).sort();
}
//# sourceMappingURL=sums-diff.js.map