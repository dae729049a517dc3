// The browser's offer to install the app (PWA), as a hook.
import { useEffect, useState } from 'react';

/** The browser's install prompt event (not yet in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** The install prompt, once the browser offers one: `install()` shows it; null before or after. */
export function useInstallPrompt(): { install: () => Promise<void> } | null {
  const [event, setEvent] = useState<BeforeInstallPromptEvent | null>(null);
  useEffect(() => {
    const keep = (e: Event) => {
      e.preventDefault();
      setEvent(e as BeforeInstallPromptEvent);
    };
    const done = () => setEvent(null);
    window.addEventListener('beforeinstallprompt', keep);
    window.addEventListener('appinstalled', done);
    return () => {
      window.removeEventListener('beforeinstallprompt', keep);
      window.removeEventListener('appinstalled', done);
    };
  }, []);
  if (!event) return null;
  return {
    install: async () => {
      await event.prompt();
      await event.userChoice;
      setEvent(null);
    },
  };
}
