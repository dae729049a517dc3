// The colour scheme of the staff portals: light or dark (the design system's `dark` variant),
// the person's choice kept on this device, the system's preference until they choose.
import { useState } from 'react';

/** A colour scheme. */
export type Theme = 'light' | 'dark';

const KEY = 'pti.theme';

function initialTheme(): Theme {
  const stored = localStorage.getItem(KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The colour scheme and its setter, which remembers the choice on this device. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const choose = (next: Theme) => {
    localStorage.setItem(KEY, next);
    setTheme(next);
  };
  return [theme, choose];
}
