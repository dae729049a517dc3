// The service worker (public/sw.js): the app shell offline, and the offline page.
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
