// Saving one settings form: PUT its section's changed fields, keep the new settings in the
// cache, say so in a toast, and put the server's refusals on the fields they name.
import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyServerError } from '@/api/fieldErrors';
import { keys } from '@/api/keys';
import type { SettingsUpdate, TenantSettings } from '@/api/types';
import { useToast } from '@/ui';
import { updateSettings } from './api';

/** The save of a settings form: `save(body)` sends `body`, or says nothing changed when it is empty. */
export function useSaveSettings<T extends FieldValues>(form: UseFormReturn<T>, rename: Record<string, string>, onSaved: (settings: TenantSettings) => void) {
  const client = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      client.setQueryData(keys.settings(), settings);
      // The client portal reads the branding from GET /tenant.
      client.invalidateQueries({ queryKey: keys.tenant() });
      onSaved(settings);
      toast('success', 'Paramètres enregistrés.');
    },
    onError: (e) => setError(applyServerError(e, form.setError, Object.values(rename), rename)),
  });
  const save = (body: SettingsUpdate, section: keyof SettingsUpdate) => {
    setError(null);
    if (Object.keys(body[section] ?? {}).length === 0) toast('info', 'Aucune modification à enregistrer.');
    else mutation.mutate(body);
  };
  return { save, saving: mutation.isPending, error };
}
