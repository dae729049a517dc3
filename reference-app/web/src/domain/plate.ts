import { z } from 'zod';

/** Which French numbering system a plate belongs to. */
export type PlateFormat = 'siv' | 'fni';

/** A plate's canonical form, or why it was refused; the same rules as `pti_core::model::Plate`. */
export type PlateResult = { ok: true; canonical: string; format: PlateFormat } | { ok: false; reason: string };

const SIV = /^([A-Z]{2})(\d{3})([A-Z]{2})$/;
const FNI = /^(\d{1,4})([A-Z]{1,3})(\d{2}|2A|2B|97[1-6])$/;

/** Validates and normalises a plate: "ab 123 cd" → "AB-123-CD", "123abc45" → "123 ABC 45". */
export function parsePlate(input: string): PlateResult {
  const compact = input.replace(/[\s.-]/g, '').toUpperCase();
  const siv = SIV.exec(compact);
  if (siv) {
    const [, left, number, right] = siv as unknown as [string, string, string, string];
    if (/[IOU]/.test(left + right)) return { ok: false, reason: 'Les lettres I, O et U ne sont pas utilisées.' };
    if (left === 'SS' || right === 'SS' || left === 'WW') return { ok: false, reason: 'Cette série est réservée.' };
    if (number === '000') return { ok: false, reason: 'Le numéro 000 n’existe pas.' };
    return { ok: true, canonical: `${left}-${number}-${right}`, format: 'siv' };
  }
  const fni = FNI.exec(compact);
  if (fni) {
    const [, number, series, dept] = fni as unknown as [string, string, string, string];
    const deptOk = dept.length === 3 || dept === '2A' || dept === '2B' || (Number(dept) >= 1 && Number(dept) <= 95 && dept !== '20');
    if (deptOk && !/^0+$/.test(number) && !/[IO]/.test(series)) {
      return { ok: true, canonical: `${number} ${series} ${dept}`, format: 'fni' };
    }
  }
  return { ok: false, reason: 'Immatriculation invalide (format AB-123-CD ou 123 ABC 45).' };
}

/** A Zod field that accepts any French plate spelling and outputs its canonical form. */
export const plateSchema = z.string().transform((value, ctx) => {
  const result = parsePlate(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.reason });
    return z.NEVER;
  }
  return result.canonical;
});
