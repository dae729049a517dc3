/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The portals build to static files that `pti-server serve` serves; in development the API is
// proxied to a local server (vite dev and vite preview alike).
const API = process.env.PTI_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // `@/` is `src/`: imports across the app's layers name the layer (see eslint.config.js).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': API } },
  preview: { proxy: { '/api': API } },
  // The manifest lets scripts/initial-js.mjs follow the chunks a first visit loads.
  build: { outDir: 'dist', sourcemap: false, manifest: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
