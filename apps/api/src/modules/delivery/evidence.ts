import type { DeliveryEvidenceType } from '@courtassist/contracts';

/**
 * The type of an uploaded file by its content (magic bytes), never by its name or declared
 * type: JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), PDF (%PDF-). Null for anything else.
 */
export function sniffEvidenceType(content: Uint8Array): DeliveryEvidenceType | null {
  const starts = (bytes: readonly number[]) => content.length >= bytes.length && bytes.every((b, i) => content[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}
