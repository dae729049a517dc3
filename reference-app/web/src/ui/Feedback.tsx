import {
  cloneElement,
  createContext,
  useCallback,
  useContext,
  useId,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { cx } from './cx';

/** Kind of message. */
export type Tone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<Tone, string> = {
  info: 'border-info bg-blue-50 text-blue-900',
  success: 'border-success bg-green-50 text-green-900',
  warning: 'border-warning bg-amber-50 text-amber-900',
  error: 'border-danger bg-red-50 text-red-900',
};

/** A message in the page; errors and warnings are announced at once (role "alert"). */
export function Alert({ tone = 'info', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div role={urgent ? 'alert' : 'status'} className={cx('rounded-md border-l-4 p-4 text-sm', tones[tone])}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? 'mt-1' : undefined}>{children}</div>}
    </div>
  );
}

/** A determinate progress bar with its accessible value. */
export function ProgressBar({ value, max = 100, label }: { value: number; max?: number; label: string }) {
  const clamped = Math.min(Math.max(value, 0), max);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={clamped}
      className="h-2 w-full overflow-hidden rounded-full bg-gray-200"
    >
      <div className="h-full bg-brand-500 transition-all" style={{ width: `${(clamped / max) * 100}%` }} />
    </div>
  );
}

interface ToastItem {
  id: number;
  tone: Tone;
  message: string;
}

const ToastContext = createContext<((tone: Tone, message: string) => void) | null>(null);

/** Holds the toasts of the page; put it near the root. */
export function ToastProvider({ children, duration = 5000 }: { children: ReactNode; duration?: number }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (tone: Tone, message: string) => {
      const id = Date.now() + Math.random();
      setItems((all) => [...all, { id, tone, message }]);
      window.setTimeout(() => dismiss(id), duration);
    },
    [dismiss, duration],
  );
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div aria-live="polite" className="fixed right-4 bottom-4 z-50 flex max-w-sm flex-col gap-2">
        {items.map((t) => (
          <div key={t.id} className={cx('flex items-start gap-3 rounded-md border-l-4 p-3 text-sm shadow-overlay', tones[t.tone])}>
            <p className="flex-1">{t.message}</p>
            <button type="button" aria-label="Fermer" onClick={() => dismiss(t.id)} className="font-bold">
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast: `const toast = useToast(); toast('success', 'Enregistré')`. */
export function useToast(): (tone: Tone, message: string) => void {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast needs a <ToastProvider> above it');
  return push;
}

/** A hint shown on hover and keyboard focus of its child, which it describes. */
export function Tooltip({ text, children }: { text: string; children: ReactElement<Record<string, unknown>> }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span
      className="relative inline-flex"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      {cloneElement(children, { 'aria-describedby': id })}
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        className="absolute bottom-full left-1/2 mb-2 -translate-x-1/2 rounded bg-gray-900 px-2 py-1 text-xs whitespace-nowrap text-white"
      >
        {text}
      </span>
    </span>
  );
}
