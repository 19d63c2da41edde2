/**
 * Address text to network-order bytes, written straight into a frame buffer: announcements
 * are built at takeover, when nothing should allocate. Both return false on malformed text,
 * leaving the destination bytes undefined.
 */

/** Dotted quad "198.18.0.1" (decimal octets, no leading zeros) into buf[offset, offset + 4). */
export function writeIpv4(buf: Uint8Array, offset: number, text: string): boolean {
  let i = 0;
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0) {
      if (text.charCodeAt(i) !== 0x2e) return false;
      i++;
    }
    const start = i;
    let value = 0;
    while (i < text.length && i - start < 4) {
      const d = text.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      i++;
    }
    const digits = i - start;
    if (digits === 0 || digits > 3 || value > 255) return false;
    if (digits > 1 && text.charCodeAt(start) === 0x30) return false;
    buf[offset + octet] = value;
  }
  return i === text.length;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

/**
 * RFC 4291 text ("2001:2::1", "fe80::5", "::") into buf[offset, offset + 16). Hex groups and
 * one "::" only: no zone ("%eth0") and no dotted IPv4 tail, which no announced address uses.
 */
export function writeIpv6(buf: Uint8Array, offset: number, text: string): boolean {
  const n = text.length;
  let i = 0;
  let groups = 0;
  let gap = -1;
  if (n >= 2 && text.charCodeAt(0) === 0x3a && text.charCodeAt(1) === 0x3a) {
    gap = 0;
    i = 2;
  }
  while (i < n) {
    let value = 0;
    const start = i;
    while (i < n) {
      const h = hexValue(text.charCodeAt(i));
      if (h < 0) break;
      value = value * 16 + h;
      i++;
    }
    if (i === start || i - start > 4 || groups === 8) return false;
    buf[offset + groups * 2] = value >>> 8;
    buf[offset + groups * 2 + 1] = value & 0xff;
    groups++;
    if (i === n) break;
    if (text.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (i === n) return false;
    if (text.charCodeAt(i) === 0x3a) {
      if (gap >= 0) return false;
      gap = groups;
      i++;
    }
  }
  if (gap < 0) return groups === 8;
  if (groups > 7) return false;
  const shift = 8 - groups;
  for (let g = groups - 1; g >= gap; g--) {
    buf[offset + (g + shift) * 2] = buf[offset + g * 2];
    buf[offset + (g + shift) * 2 + 1] = buf[offset + g * 2 + 1];
  }
  for (let g = gap; g < gap + shift; g++) {
    buf[offset + g * 2] = 0;
    buf[offset + g * 2 + 1] = 0;
  }
  return true;
}
