import { describe, expect, it } from 'vitest';
import { MAX_LOGO_BYTES, logoProblem, sniffImage } from './image';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (head: number[], size = head.length) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};

describe('sniffImage', () => {
  it('knows PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffImage(bytes(PNG, 32))).toBe('image/png');
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0], 32))).toBe('image/jpeg');
    expect(sniffImage(bytes([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50], 32))).toBe('image/webp');
  });

  it('knows no SVG, GIF or text', () => {
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
  });
});

describe('logoProblem', () => {
  it('takes an image of up to 256 KiB', () => {
    expect(logoProblem(bytes(PNG, MAX_LOGO_BYTES))).toBeNull();
  });

  it('refuses a larger, an empty or an unknown file in French', () => {
    expect(logoProblem(bytes(PNG, MAX_LOGO_BYTES + 1))).toMatch(/256 Kio au plus/);
    expect(logoProblem(new Uint8Array())).toBe('Le fichier est vide.');
    expect(logoProblem(new TextEncoder().encode('<svg/>'))).toMatch(/PNG, JPEG ou WebP/);
  });
});
