/**
 * A release bundle the board must not install: its signature does not verify with the release
 * key, its manifest is unreadable, or its files do not match the manifest. The message names the
 * file and what is wrong with it, for the operator who is about to upgrade.
 */
export class BundleError extends Error {
    name = 'BundleError';
}
//# sourceMappingURL=errors.js.map