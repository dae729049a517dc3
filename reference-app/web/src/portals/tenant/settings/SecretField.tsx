// A write-only secret of the settings (a Stripe key, a password, an API key): the saved one shows
// as « •••• 1234 » with « Remplacer » and « Effacer »; a new value is typed, never read back.
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { SecretSetting } from '@/api/types';
import { maskedSecret, type SecretInput } from '@/features/settings/channels';
import { Button, FormField, Input } from '@/ui';

/** Props of {@link SecretField}. */
interface SecretFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: string;
  saved: SecretSetting;
  hint?: string;
  required?: boolean;
}

/** Props of {@link SecretInputs}: the field's value, its setter and its error. */
interface SecretInputsProps {
  name: string;
  label: string;
  saved: SecretSetting;
  hint?: string;
  required?: boolean;
  input: SecretInput;
  set: (next: SecretInput) => void;
  error?: string;
}

/** The secret's controls: the masked saved value with « Remplacer » and « Effacer », or the input of a new one. */
function SecretInputs({ name, label, saved, hint, required, input, set, error }: SecretInputsProps) {
  const editing = input.action === 'replace' || (input.action === 'keep' && !saved.set);
  return (
    <div className="flex flex-col gap-1" data-testid={`secret-${name}`}>
      {editing ? (
        <FormField label={label} error={error} hint={hint} required={required}>
          <Input
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={input.value}
            onChange={(ev) => set({ action: (ev.target.value || saved.set) ? 'replace' : 'keep', value: ev.target.value })}
          />
        </FormField>
      ) : (
        <FormField label={label} error={error} hint={input.action === 'clear' ? 'Sera effacée à l’enregistrement.' : hint} required={required}>
          <Input readOnly value={input.action === 'clear' ? 'Aucune' : maskedSecret(saved)} />
        </FormField>
      )}
      {saved.set && (
        <div className="flex gap-2">
          {input.action === 'keep' ? (
            <>
              <Button size="sm" variant="secondary" onClick={() => set({ action: 'replace', value: '' })}>
                Remplacer
              </Button>
              <Button size="sm" variant="secondary" onClick={() => set({ action: 'clear', value: '' })}>
                Effacer
              </Button>
            </>
          ) : (
            <Button size="sm" variant="secondary" onClick={() => set({ action: 'keep', value: '' })}>
              Garder la valeur enregistrée
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** The secret `name` of the form, saved as `saved`. */
export function SecretField<T extends FieldValues>({ control, name, ...rest }: SecretFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SecretInputs
          name={name}
          {...rest}
          input={field.value as SecretInput}
          set={field.onChange}
          error={fieldState.error?.message ?? (fieldState.error as { value?: { message?: string } } | undefined)?.value?.message}
        />
      )}
    />
  );
}
