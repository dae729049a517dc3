// The buttons under a settings form: undo the unsaved changes, save.
import { Alert, Button } from '@/ui';

/** The form's error for the whole form, "Annuler les modifications" while it is dirty, and "Enregistrer". */
export function FormActions({ dirty, saving, error, onReset }: { dirty: boolean; saving: boolean; error: string | null; onReset: () => void }) {
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap items-center justify-end gap-2 pt-2">
        {dirty && <span className="mr-auto text-sm text-status-pending">Modifications non enregistrées.</span>}
        <Button variant="secondary" onClick={onReset} disabled={!dirty || saving}>
          Annuler les modifications
        </Button>
        <Button type="submit" loading={saving}>
          Enregistrer
        </Button>
      </div>
    </>
  );
}
