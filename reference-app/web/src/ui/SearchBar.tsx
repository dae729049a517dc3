import { useId, useState, type KeyboardEvent } from 'react';
import { cx } from './cx';
import { Spinner } from './Spinner';

/** A suggestion of a {@link SearchBar}. */
export interface Suggestion {
  id: string;
  label: string;
  detail?: string;
}

/** Props of {@link SearchBar}. */
export interface SearchBarProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  suggestions: Suggestion[];
  onSelect: (suggestion: Suggestion) => void;
  placeholder?: string;
  loading?: boolean;
  /** Shown when the text matches nothing. */
  noMatch?: string;
  /** `data-testid` of the text box. */
  testId?: string;
  /** Enter with no suggestion chosen (e.g. to submit the search). */
  onEnter?: () => void;
}

/** A text box with suggestions (ARIA combobox): arrows move, Enter picks, Escape closes. */
export function SearchBar({ label, value, onChange, suggestions, onSelect, placeholder, loading, noMatch, testId, onEnter }: SearchBarProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;
  const showList = open && value.trim().length > 0 && (suggestions.length > 0 || !!noMatch);
  const pick = (s: Suggestion) => {
    onSelect(s);
    setOpen(false);
    setActive(-1);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = suggestions.length;
      if (n) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && showList && suggestions[active]) {
      e.preventDefault();
      pick(suggestions[active]);
    } else if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      setOpen(false);
      onEnter();
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };
  return (
    <div className="relative w-full">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink-strong dark:text-gray-100">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          data-testid={testId}
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
          value={value}
          placeholder={placeholder}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKey}
          onBlur={() => setOpen(false)}
          className="h-12 w-full rounded-md border border-ink/30 bg-white px-4 pr-10 text-base text-ink-strong dark:bg-gray-900 dark:text-gray-100"
        />
        {loading && (
          <span className="absolute top-1/2 right-3 -translate-y-1/2">
            <Spinner size="sm" label="Recherche…" />
          </span>
        )}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!showList}
        className="absolute z-30 mt-1 max-h-72 w-full overflow-y-auto rounded-md bg-white py-1 shadow-overlay dark:bg-gray-800"
      >
        {suggestions.map((s, i) => (
          <li
            key={s.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(s);
            }}
            className={cx('cursor-pointer px-4 py-2 text-sm', i === active ? 'bg-brand-100' : 'hover:bg-brand-50')}
          >
            <span className="font-medium text-ink-strong dark:text-gray-100">{s.label}</span>
            {s.detail && <span className="ml-2 text-ink">{s.detail}</span>}
          </li>
        ))}
        {suggestions.length === 0 && noMatch && <li className="px-4 py-2 text-sm text-ink">{noMatch}</li>}
      </ul>
    </div>
  );
}
