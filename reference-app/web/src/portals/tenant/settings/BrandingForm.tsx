// /tenant/parametres/image: the client portal's title and primary colour, with a live preview of
// a primary button and its contrast, and the logo.
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { BrandingSettings } from '@/api/types';
import { MIN_CONTRAST, contrastWithWhite, parseHex } from '@/features/settings/contrast';
import { brandingFormValues, brandingSchema, sectionRename, toBrandingChange, type BrandingForm as Values } from '@/features/settings/schemas';
import { useSaveSettings } from '@/features/settings/useSaveSettings';
import { Alert, FormField, Input } from '@/ui';
import { FormActions } from './FormActions';
import { LogoField } from './LogoField';

/** A contrast ratio as French writes it: « 4,52:1 ». */
const ratioLabel = (ratio: number) => `${ratio.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}:1`;

/** A primary button in `colour` with white text, and the contrast it has. */
function Preview({ colour, title }: { colour: string; title: string }) {
  const ratio = contrastWithWhite(colour);
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-gray-200 p-4 dark:border-gray-700" data-testid="branding-preview">
      <p className="text-sm font-semibold text-ink-strong dark:text-gray-100">Aperçu</p>
      <p className="text-sm">{title || 'Le nom du réseau'}</p>
      {ratio !== null && (
        <span className="inline-flex h-10 w-fit items-center rounded-md px-4 text-sm font-semibold text-white" style={{ backgroundColor: colour.trim() }}>
          Rechercher un centre
        </span>
      )}
      <p className="text-sm" data-testid="branding-contrast">
        {ratio === null ? 'Saisissez une couleur #RRVVBB pour voir l’aperçu.' : `Contraste du texte blanc : ${ratioLabel(ratio)}`}
      </p>
      {ratio !== null && ratio < MIN_CONTRAST && (
        <Alert tone="warning">Contraste insuffisant : il faut au moins 4,5:1 pour que le texte blanc reste lisible. Le serveur refusera cette couleur ; choisissez-en une plus foncée.</Alert>
      )}
    </div>
  );
}

/** The branding form, from the saved `branding`. */
export function BrandingForm({ branding }: { branding: BrandingSettings }) {
  const form = useForm<Values>({ resolver: zodResolver(brandingSchema), defaultValues: brandingFormValues(branding) });
  const { save, saving, error } = useSaveSettings(form, sectionRename('branding', ['primary_color', 'portal_title']), (s) => form.reset(brandingFormValues(s.branding)));
  const [colour, title] = useWatch({ control: form.control, name: ['primary_color', 'portal_title'] });
  const e = form.formState.errors;
  const picker = parseHex(colour) ? colour.trim().toLowerCase() : '#000000';
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <form onSubmit={form.handleSubmit((v) => save({ branding: toBrandingChange(v, branding) }, 'branding'))} noValidate className="flex flex-col gap-3" data-testid="settings-branding">
        <FormField label="Titre du portail" error={e.portal_title?.message} hint="Affiché dans l’en-tête du portail client ; vide : le nom du réseau (60 caractères au plus).">
          <Input {...form.register('portal_title')} />
        </FormField>
        <div className="flex items-end gap-2">
          <input
            type="color"
            aria-label="Choisir la couleur principale"
            value={picker}
            onChange={(ev) => form.setValue('primary_color', ev.target.value, { shouldDirty: true, shouldValidate: true })}
            className="h-10 w-12 shrink-0 cursor-pointer rounded-md border border-ink/30 bg-white p-1"
          />
          <div className="flex-1">
            <FormField label="Couleur principale" required error={e.primary_color?.message} hint="Boutons et liens du portail client, au format #RRVVBB.">
              <Input autoComplete="off" spellCheck={false} {...form.register('primary_color')} />
            </FormField>
          </div>
        </div>
        <Preview colour={colour} title={title} />
        <FormActions dirty={form.formState.isDirty} saving={saving} error={error} onReset={() => form.reset()} />
      </form>
      <LogoField logoUrl={branding.logo_url} />
    </div>
  );
}
