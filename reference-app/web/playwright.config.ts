import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser; the static build served by `vite preview`
// until the portals are served by pti-server itself.
const SERVER = process.env.PTI_SERVER_URL;
const CLIENT = /client\/.*\.spec\.ts/;
const STAFF = /tenant\/.*\.spec\.ts/;
const JOURNEYS = /journeys\.spec\.ts/; // also <topic>.journeys.spec.ts

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
    // The client portal at a phone's and a desktop's width.
    { name: 'mobile', testMatch: CLIENT, testIgnore: JOURNEYS, use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
    { name: 'desktop', testMatch: CLIENT, testIgnore: JOURNEYS, use: { viewport: { width: 1280, height: 800 } } },
    // The staff portals at a desktop's, a tablet's and a phone's width.
    { name: 'staff-1280', testMatch: STAFF, testIgnore: JOURNEYS, use: { viewport: { width: 1280, height: 800 } } },
    { name: 'staff-768', testMatch: STAFF, testIgnore: JOURNEYS, use: { viewport: { width: 768, height: 1024 } } },
    { name: 'staff-390', testMatch: STAFF, testIgnore: JOURNEYS, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
    // The journeys against a real, freshly seeded pti-server that serves the built app:
    // PTI_SERVER_URL=http://127.0.0.1:8080 npx playwright test --project='journeys*'
    ...(SERVER
      ? [
          { name: 'journeys', testMatch: /client\/journeys\.spec\.ts/, timeout: 90_000, use: { baseURL: SERVER, viewport: { width: 1280, height: 800 } } },
          { name: 'journeys-mobile', testMatch: /client\/journeys\.spec\.ts/, timeout: 90_000, use: { baseURL: SERVER, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
          { name: 'journeys-tenant', testMatch: /tenant\/(.*\.)?journeys\.spec\.ts/, timeout: 90_000, use: { baseURL: SERVER, viewport: { width: 1280, height: 800 } } },
          { name: 'journeys-tenant-768', testMatch: /tenant\/(.*\.)?journeys\.spec\.ts/, timeout: 90_000, use: { baseURL: SERVER, viewport: { width: 768, height: 1024 } } },
        ]
      : []),
  ],
});
