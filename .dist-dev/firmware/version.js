/** The firmware version, from package.json, and the HA-relevant part of it. */
import { readFileSync } from 'node:fs';
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
export const FIRMWARE_VERSION = pkg.version;
//# sourceMappingURL=version.js.map