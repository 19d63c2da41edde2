/** LEDs for tests: each LED's pattern in memory, failing the way sysfs does. */
import { join } from 'node:path';
import { E, HalError } from '../errors.js';
import { samePattern } from './index.js';
export class FakeLeds {
    leds = new Map();
    /** Adds an LED under `root`; without `timer` among its triggers a blink fails with EINVAL. */
    add(root, name, triggers = ['none', 'timer']) {
        this.leds.set(join(root, name), { pattern: { kind: 'off' }, triggers, writes: 0 });
    }
    /** The LED's pattern now; undefined for one never added. */
    pattern(root, name) {
        return this.leds.get(join(root, name))?.pattern;
    }
    writes(root, name) {
        return this.leds.get(join(root, name))?.writes ?? 0;
    }
    open(root, name) {
        const path = join(root, name);
        const device = `led ${path}`;
        const find = (operation) => {
            const led = this.leds.get(path);
            if (!led)
                throw new HalError(device, operation, E.ENOENT, 'ENOENT');
            return led;
        };
        // Like the driver, each handle remembers what it showed and touches the LED only on a change.
        let shown = find('read max_brightness').pattern;
        return {
            name,
            set(pattern) {
                if (samePattern(pattern, shown))
                    return;
                const led = find('write trigger');
                if (pattern.kind === 'blink' && !led.triggers.includes('timer'))
                    throw new HalError(device, 'write trigger timer', E.EINVAL, 'EINVAL');
                led.pattern = pattern;
                led.writes++;
                shown = pattern;
            },
        };
    }
}
//# sourceMappingURL=led.fake.js.map