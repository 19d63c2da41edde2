// The version a bundle is stamped with: package.json's, or the one given with --version (a
// release candidate, or the rig's "next version" for upgrade tests). It lands in the bundle's
// package.json (what the firmware shows), the manifest and the archive's name, so it is held
// to semver's shape: no path separator or blank can reach the file name.

const SHAPE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

export const VERSION_SHAPE =
  'major.minor.patch (numbers without leading zeros), optionally -prerelease: dot-separated words of letters, digits and hyphens (1.2.0, 1.2.0-rc.1)';

/** `text` when it is a version a bundle may carry, else an error naming it and the allowed shape. */
export function releaseVersion(text) {
  if (!SHAPE.test(text)) throw new Error(`--version ${JSON.stringify(text)}: allowed: ${VERSION_SHAPE}`);
  return text;
}
