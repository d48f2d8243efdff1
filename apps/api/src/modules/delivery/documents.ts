import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { apiRoot } from '../../platform/config.js';

/**
 * The proof of delivery (送达回证) and the announcement (公告) as DOCX, from the templates in
 * templates/ (built by templates/build-delivery-templates.mjs). Courts may edit a template in a
 * word processor as long as the {placeholders} stay.
 */
const TEMPLATES = resolve(apiRoot, 'src', 'modules', 'delivery', 'templates');
export const PROOF_TEMPLATE = resolve(TEMPLATES, 'proof-of-delivery.docx');
export const ANNOUNCEMENT_TEMPLATE = resolve(TEMPLATES, 'announcement.docx');
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ProofData {
  courtName: string;
  caseNumber: string;
  causeName: string;
  documentName: string;
  partyName: string;
  partyRole: string;
  address: string;
  methodName: string;
  person: string;
  servedOn: string;
  note: string;
  sealText: string;
  issuedOn: string;
}

export interface AnnouncementData {
  courtName: string;
  caseNumber: string;
  partyName: string;
  caseSummary: string;
  documentName: string;
  publishedOn: string;
  effectiveOn: string;
  sealText: string;
  issuedOn: string;
}

const cache = new Map<string, Buffer>();

function load(path: string): Buffer {
  let found = cache.get(path);
  if (!found) {
    found = readFileSync(path);
    cache.set(path, found);
  }
  return found;
}

function render(source: Buffer, data: object): Buffer {
  const doc = new Docxtemplater(new PizZip(source), { paragraphLoop: true, linebreaks: true, nullGetter: () => '' });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export const renderProof = (data: ProofData, source: Buffer = load(PROOF_TEMPLATE)) => render(source, data);
export const renderAnnouncement = (data: AnnouncementData, source: Buffer = load(ANNOUNCEMENT_TEMPLATE)) => render(source, data);

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
