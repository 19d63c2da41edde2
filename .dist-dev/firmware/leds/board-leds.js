const BLINK = {
    steady: { kind: 'on' },
    '1hz': { kind: 'blink', onMs: 500, offMs: 500 },
    '4hz': { kind: 'blink', onMs: 125, offMs: 125 },
};
/** A GPIO LED's id, "/dev/gpiochip0:17": never a sysfs LED's name, which holds no '/'. */
export function gpioLedId(chip, line) {
    return `${chip}:${line}`;
}
/** The sysfs LED names the board drives. */
export function sysfsLedNames(leds) {
    const names = leds.flatMap((l) => (l.driver === 'sysfs' ? Object.values(l.colours) : []));
    return [...new Set(names)];
}
/** Every LED's id, sysfs and GPIO, each once. */
export function ledIds(leds) {
    return [...new Set(leds.flatMap((l) => colourIds(l).map(([, id]) => id)))];
}
/** Each LED's pattern for these lights, by id. */
export function boardPatterns(leds, lights) {
    const out = new Map(ledIds(leds).map((id) => [id, { kind: 'off' }]));
    const lit = new Set();
    for (const role of ['status', 'ha', 'sync']) {
        const light = lights[role];
        const led = leds.find((l) => l.role === role);
        if (!light || !led)
            continue;
        const ids = colourIds(led);
        const id = (ids.find(([colour]) => colour === light.colour) ?? ids[0])?.[1];
        if (id === undefined || lit.has(id))
            continue;
        lit.add(id);
        out.set(id, BLINK[light.blink]);
    }
    return out;
}
/** A board LED's colours and their LEDs' ids, in the order the board lists them. */
function colourIds(led) {
    if (led.driver === 'sysfs')
        return Object.entries(led.colours);
    return Object.entries(led.colours).map(([colour, line]) => [colour, gpioLedId(led.chip, line)]);
}
//# sourceMappingURL=board-leds.js.map