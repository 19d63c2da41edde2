/**
 * LED folders shaped like the kernel's sysfs LED class, for tests and the test rig's sim
 * boards: `<root>/<name>/{brightness,max_brightness,trigger,delay_on,delay_off}`, dark, with
 * the trigger list as the kernel shows it. Plain files take any text, so a trigger the kernel
 * would refuse sticks here: the driver's read-back is what catches it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
export function makeSysfsLed(root, name, maxBrightness = 255) {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    const files = {
        brightness: '0\n',
        max_brightness: `${maxBrightness}\n`,
        trigger: '[none] timer heartbeat default-on\n',
        delay_on: '500\n',
        delay_off: '500\n',
    };
    for (const [file, text] of Object.entries(files))
        writeFileSync(join(dir, file), text);
    return dir;
}
//# sourceMappingURL=sysfs-folder.testkit.js.map