/** The unit working as primary as this snapshot sees it: this one's serial when it works, else the member in work, or null while none is. */
export function primaryOf(snap) {
    if (snap.state === 'work')
        return snap.serial;
    return snap.members.find((m) => !m.self && m.state === 'work')?.serial ?? null;
}
//# sourceMappingURL=snapshot.js.map