import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { cx } from './cx';

/** An entry of a {@link DropdownMenu}. */
export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
}

/**
 * A button that opens a menu (ARIA menu button): arrows move, Enter picks, Escape closes.
 * `accessibleLabel` names the button when its visible `label` is too short to (one menu per row).
 */
export function DropdownMenu({ label, items, accessibleLabel }: { label: string; items: MenuItem[]; accessibleLabel?: string }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Placed against the viewport, so that no scrolling container (a table's) cuts it off.
  const [place, setPlace] = useState<{ top?: number; bottom?: number; right: number }>({ right: 0 });
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  // Below the button, or above it in the lower part of the screen.
  function placeMenu() {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const right = window.innerWidth - rect.right;
    setPlace(rect.bottom > window.innerHeight * 0.6 ? { bottom: window.innerHeight - rect.top + 4, right } : { top: rect.bottom + 4, right });
  }
  useEffect(() => {
    // Without scrolling: the menu is placed against the viewport, and a scroll closes it.
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus({ preventScroll: true });
  }, [open, active]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    // The page moved under a menu placed against the viewport: it follows its button.
    document.addEventListener('mousedown', close);
    window.addEventListener('scroll', placeMenu, true);
    window.addEventListener('resize', placeMenu);
    return () => {
      document.removeEventListener('mousedown', close);
      window.removeEventListener('scroll', placeMenu, true);
      window.removeEventListener('resize', placeMenu);
    };
  }, [open]);
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);
  const show = () => {
    placeMenu();
    setActive(enabled[0] ?? 0);
    setOpen(true);
  };
  const step = (delta: number) => {
    const at = enabled.indexOf(active);
    setActive(enabled[(at + delta + enabled.length) % enabled.length] ?? 0);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') step(1);
    else if (e.key === 'ArrowUp') step(-1);
    else if (e.key === 'Home') setActive(enabled[0] ?? 0);
    else if (e.key === 'End') setActive(enabled[enabled.length - 1] ?? 0);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') button.current?.focus();
      return;
    } else return;
    e.preventDefault();
  };
  const pick = (item: MenuItem) => {
    if (item.disabled) return;
    setOpen(false);
    button.current?.focus();
    item.onSelect();
  };
  return (
    <div className="relative inline-block">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-label={accessibleLabel}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            show();
          }
        }}
        className="inline-flex h-10 items-center gap-2 rounded-md border border-ink/30 bg-white px-3 text-sm font-medium text-ink-strong dark:bg-gray-800 dark:text-gray-100"
      >
        {label}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menu} id={id} role="menu" onKeyDown={onKey} style={place} className="fixed z-30 min-w-48 rounded-md bg-white py-1 shadow-overlay dark:bg-gray-800">
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={item.disabled || undefined}
                onClick={() => pick(item)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    pick(item);
                  }
                }}
                className={cx(
                  'block w-full px-4 py-2 text-left text-sm hover:bg-brand-50 focus:bg-brand-50',
                  item.danger ? 'text-status-absent' : 'text-ink-strong dark:text-gray-100',
                  item.disabled && 'cursor-not-allowed opacity-50',
                )}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
