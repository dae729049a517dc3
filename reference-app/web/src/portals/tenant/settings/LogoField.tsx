// The client portal's logo: choose an image (PNG, JPEG or WebP of 256 KiB at most, checked here
// before it is sent), see it, remove it after a confirmation.
import { useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, fieldMessage } from '@/api/messages';
import { ApiError } from '@/api/client';
import { keys } from '@/api/keys';
import type { TenantSettings } from '@/api/types';
import { deleteLogo, putLogo } from '@/features/settings/api';
import { logoProblem, sniffImage } from '@/features/settings/image';
import { Alert, Button, ConfirmDialog, useToast } from '@/ui';

/** The refusal of a logo upload in French. */
const refusal = (e: unknown) => (e instanceof ApiError && e.field === 'logo' ? fieldMessage('logo') : errorMessage(e));

/** The logo at `logoUrl` (none when null), and its upload and removal. */
export function LogoField({ logoUrl }: { logoUrl: string | null }) {
  const client = useQueryClient();
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const saved = (settings: TenantSettings, message: string) => {
    client.setQueryData(keys.settings(), settings);
    client.invalidateQueries({ queryKey: keys.tenant() });
    toast('success', message);
  };
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const format = sniffImage(bytes);
      const local = logoProblem(bytes);
      if (local || !format) throw new Error(local ?? '');
      return putLogo(file, format);
    },
    onSuccess: (settings) => saved(settings, 'Logo enregistré.'),
    onError: (e) => setProblem(e instanceof ApiError ? refusal(e) : e.message),
  });
  const remove = useMutation({
    mutationFn: deleteLogo,
    onSuccess: (settings) => {
      setConfirming(false);
      saved(settings, 'Logo supprimé.');
    },
    onError: (e) => {
      setConfirming(false);
      toast('error', errorMessage(e));
    },
  });
  const choose = (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    setProblem(null);
    if (file) upload.mutate(file);
  };
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-gray-200 p-4 dark:border-gray-700" aria-labelledby="logo-title" data-testid="settings-logo">
      <h2 id="logo-title" className="text-sm font-semibold text-ink-strong dark:text-gray-100">
        Logo
      </h2>
      {logoUrl ? (
        <img src={logoUrl} alt="Logo actuel du réseau" className="h-16 w-fit max-w-full rounded border border-gray-200 bg-white object-contain p-1" data-testid="logo-preview" />
      ) : (
        <p className="text-sm">Aucun logo : le portail affiche le logo de PTI Calendar.</p>
      )}
      <p className="text-xs text-ink">Image PNG, JPEG ou WebP de 256 Kio au plus, affichée dans l’en-tête du portail client.</p>
      {problem && <Alert tone="error">{problem}</Alert>}
      <div className="flex flex-wrap gap-2">
        <label className="inline-flex h-10 cursor-pointer items-center rounded-md border border-ink/30 bg-white px-4 text-sm font-semibold text-ink-strong focus-within:outline-3 focus-within:outline-brand-500 hover:bg-brand-50 dark:bg-gray-800 dark:text-gray-100">
          {upload.isPending ? 'Envoi…' : logoUrl ? 'Remplacer le logo' : 'Choisir un logo'}
          <input type="file" accept="image/png,image/jpeg,image/webp" className="sr-only" onChange={choose} disabled={upload.isPending} data-testid="logo-input" />
        </label>
        {logoUrl && (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Supprimer le logo
          </Button>
        )}
      </div>
      <ConfirmDialog open={confirming} onClose={() => !remove.isPending && setConfirming(false)} onConfirm={() => remove.mutate()} pending={remove.isPending} danger title="Supprimer le logo ?" confirmLabel="Supprimer">
        <p>Le portail client affichera de nouveau le logo de PTI Calendar.</p>
      </ConfirmDialog>
    </section>
  );
}
