import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser; the static build served by `vite preview`
// until the portals are served by pti-server itself.
export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.PTI_WEB_URL ?? 'http://127.0.0.1:4173',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: process.env.PTI_WEB_URL
    ? undefined
    : { command: 'npm run preview', url: 'http://127.0.0.1:4173', reuseExistingServer: false, timeout: 60_000 },
  projects: [
    { name: 'mobile', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  ],
});
