// The export buttons: the figures shown, same period and filters, as an Excel workbook or a PDF
// report made by the server, saved under the name it gives; one export at a time, a toast in
// French when one fails.
import { useState } from 'react';
import type { StatisticsFormat, StatisticsQuery } from '@/api/types';
import { exportStatistics } from '@/features/statistics/api';
import { statisticsRefusal } from '@/features/statistics/refusal';
import { Button, saveFile, useToast } from '@/ui';

const FORMATS: ReadonlyArray<{ format: StatisticsFormat; label: string }> = [
  { format: 'xlsx', label: 'Exporter en Excel' },
  { format: 'pdf', label: 'Exporter en PDF' },
];

/** The export buttons of `query`'s figures; `disabled` while the period cannot be asked for. */
export function Exports({ query, disabled }: { query: StatisticsQuery; disabled: boolean }) {
  const toast = useToast();
  const [busy, setBusy] = useState<StatisticsFormat | null>(null);
  async function run(format: StatisticsFormat) {
    setBusy(format);
    try {
      const file = await exportStatistics(query, format);
      saveFile(file.blob, file.filename);
    } catch (e) {
      toast('error', `L’export a échoué. ${statisticsRefusal(e).message}`);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="flex flex-wrap gap-2" data-testid="statistics-exports">
      {FORMATS.map(({ format, label }) => (
        <Button key={format} variant="secondary" loading={busy === format} disabled={disabled || (busy !== null && busy !== format)} onClick={() => void run(format)}>
          {label}
        </Button>
      ))}
    </div>
  );
}
