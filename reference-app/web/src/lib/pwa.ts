import { useEffect, useState } from 'react';

/** Registers the service worker in production builds (it would cache the dev server's modules). */
export function registerServiceWorker(): void {
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('/sw.js').catch(() => {
        // The app works without it; only offline starts are lost.
      });
    });
  }
}

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
