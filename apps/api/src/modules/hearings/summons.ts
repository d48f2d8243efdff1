import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { apiRoot } from '../../platform/config.js';

/**
 * The summons (传票) as DOCX, from templates/summons.docx (built by
 * templates/build-summons-template.mjs). Courts may edit the template in a word processor as long
 * as the {placeholders} stay.
 */
export const SUMMONS_TEMPLATE = resolve(apiRoot, 'src', 'modules', 'hearings', 'templates', 'summons.docx');
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SummonsData {
  courtName: string;
  caseNumber: string;
  causeName: string;
  partyName: string;
  partyRole: string;
  partyAddress: string;
  hearingKind: string;
  hearingTime: string;
  courtroomName: string;
  courtroomLocation: string;
  courtAddress: string;
  clerkName: string;
  /** The line under which the court's seal is pressed, e.g. 长春市南关区人民法院（院印）. */
  sealText: string;
  issuedOn: string;
}

let template: Buffer | null = null;

function loadTemplate(): Buffer {
  template ??= readFileSync(SUMMONS_TEMPLATE);
  return template;
}

export function renderSummons(data: SummonsData, source: Buffer = loadTemplate()): Buffer {
  const doc = new Docxtemplater(new PizZip(source), { paragraphLoop: true, linebreaks: true, nullGetter: () => '' });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
