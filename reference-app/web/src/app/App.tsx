// The app's root: the providers every portal shares, and the router.
import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { ToastProvider } from '@/ui';
import { makeQueryClient } from './queryClient';
import { AppRoutes } from './routes';

/** The whole app: one query client, toasts and the routes of every portal. */
export function App() {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}
