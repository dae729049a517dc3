// The fields an agency and a centre share: code, name, address, postcode, commune, phone, e-mail.
import type { FieldErrors, Path, UseFormRegister } from 'react-hook-form';
import type { PlaceForm } from '@/features/network/schemas';
import { FormField, Input } from '@/ui';

/** Props of {@link PlaceFields}. */
export interface PlaceFieldsProps<T extends PlaceForm> {
  register: UseFormRegister<T>;
  errors: FieldErrors<PlaceForm>;
}

/** The code, name, address and contacts of an agency or a centre. */
export function PlaceFields<T extends PlaceForm>({ register: registerOf, errors: e }: PlaceFieldsProps<T>) {
  const register = (name: keyof PlaceForm) => registerOf(name as Path<T>);
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <FormField label="Code" required error={e.code?.message} hint="Lettres, chiffres, « - », « _ ».">
          <Input autoComplete="off" maxLength={20} {...register('code')} />
        </FormField>
        <FormField label="Nom" required error={e.name?.message}>
          <Input autoComplete="off" {...register('name')} />
        </FormField>
      </div>
      <FormField label="Adresse" error={e.address?.message}>
        <Input autoComplete="off" {...register('address')} />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <FormField label="Code postal" required error={e.postcode?.message}>
          <Input inputMode="numeric" autoComplete="off" maxLength={5} {...register('postcode')} />
        </FormField>
        <FormField label="Commune" required error={e.city?.message}>
          <Input autoComplete="off" {...register('city')} />
        </FormField>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Téléphone" error={e.phone?.message} hint="Facultatif.">
          <Input type="tel" autoComplete="off" {...register('phone')} />
        </FormField>
        <FormField label="E-mail" error={e.email?.message} hint="Facultatif.">
          <Input type="email" autoComplete="off" {...register('email')} />
        </FormField>
      </div>
    </>
  );
}
