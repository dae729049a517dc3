import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { ToastProvider } from './ui';
import { Catalogue } from './catalogue/Catalogue';
import { registerServiceWorker } from './lib/pwa';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ToastProvider>
        <Catalogue />
      </ToastProvider>
    </StrictMode>,
  );
}

registerServiceWorker();
