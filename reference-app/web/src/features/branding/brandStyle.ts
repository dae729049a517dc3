// A network's primary colour applied to a portal: the design system's brand tokens
// (src/index.css) overridden on the portal's root element, white text on it (the server only
// takes colours white text reads on), lighter and darker shades mixed from it.
import type { CSSProperties } from 'react';
import type { PortalBranding } from '@/api/types';

const HEX = /^#[0-9a-f]{6}$/i;

/** The custom properties that give a portal `branding`'s primary colour; none when it has none. */
export function brandStyle(branding: PortalBranding | undefined): CSSProperties | undefined {
  const colour = branding?.primary_color;
  if (!colour || !HEX.test(colour)) return undefined;
  return {
    '--color-brand-50': `color-mix(in srgb, ${colour} 8%, white)`,
    '--color-brand-100': `color-mix(in srgb, ${colour} 16%, white)`,
    '--color-brand-500': colour,
    '--color-brand-600': `color-mix(in srgb, ${colour} 85%, black)`,
    '--color-brand-700': `color-mix(in srgb, ${colour} 70%, black)`,
    '--color-on-brand': '#ffffff',
  } as CSSProperties;
}
