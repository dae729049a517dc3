// The logo a network may upload, checked before it is sent as the server checks it
// (reference-app/src/admin/settings/logo.rs): PNG, JPEG or WebP known by its first bytes (never
// by its name), at most 256 KiB.

/** The largest logo the server takes, in bytes. */
export const MAX_LOGO_BYTES = 256 * 1024;

/** An image format the server takes. */
export type LogoFormat = 'image/png' | 'image/jpeg' | 'image/webp';

const starts = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** The format `bytes` are in, known by their signature, or null for any other file. */
export function sniffImage(bytes: Uint8Array): LogoFormat | null {
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Why a logo of `bytes` would be refused, in French, or null when the server takes it. */
export function logoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'Le fichier est vide.';
  if (bytes.length > MAX_LOGO_BYTES) return `Le logo pèse ${Math.ceil(bytes.length / 1024)} Kio : 256 Kio au plus.`;
  if (!sniffImage(bytes)) return 'Le logo doit être une image PNG, JPEG ou WebP.';
  return null;
}
