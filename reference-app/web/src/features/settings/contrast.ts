// WCAG 2 contrast of white text on a colour, as the server checks a portal's primary colour
// (reference-app/src/admin/settings/colour.rs): at least 4.5:1, the AA level for normal text.

/** The least contrast ratio of white text on the primary colour the server accepts. */
export const MIN_CONTRAST = 4.5;

/** The red, green and blue bytes of `#RRGGBB` (any case, spaces around), or null. */
export function parseHex(raw: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(raw.trim());
  if (!match) return null;
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** The WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (byte: number) => {
    const c = byte / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of white text on colour `hex` (`#RRGGBB`), or null when it is no colour. */
export function contrastWithWhite(hex: string): number | null {
  const rgb = parseHex(hex);
  return rgb ? 1.05 / (luminance(rgb) + 0.05) : null;
}
