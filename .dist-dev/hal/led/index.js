/**
 * LEDs: the sysfs LED class (/sys/class/leds/<name>/). A pattern is off, steady on, or a blink
 * the kernel's `timer` trigger runs, so blinking costs no user-space timer.
 *
 * GPIO-wired LEDs (the board data's `driver: 'gpio'`) are lines of a GPIO character device
 * (/dev/gpiochipN) held as outputs; a line has no trigger, so their blinking is the firmware's
 * (firmware/leds/gpio-leds.ts). See hal/led/README.md.
 */
export function samePattern(a, b) {
    if (a.kind !== 'blink' || b.kind !== 'blink')
        return a.kind === b.kind;
    return a.onMs === b.onMs && a.offMs === b.offMs;
}
//# sourceMappingURL=index.js.map