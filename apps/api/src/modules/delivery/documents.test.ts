import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { ANNOUNCEMENT_TEMPLATE, contentDisposition, PROOF_TEMPLATE, renderAnnouncement, renderProof } from './documents.js';
import { buildAnnouncementTemplate, buildProofTemplate } from './templates/build-delivery-templates.mjs';

const textOf = (docx: Buffer) =>
  (new PizZip(docx).file('word/document.xml')?.asText() ?? '')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('delivery templates', () => {
  it('the committed templates are what the script builds', () => {
    expect(readFileSync(PROOF_TEMPLATE).equals(buildProofTemplate())).toBe(true);
    expect(readFileSync(ANNOUNCEMENT_TEMPLATE).equals(buildAnnouncementTemplate())).toBe(true);
  });

  it('fills the proof of delivery, escaping what the XML needs', () => {
    const text = textOf(
      renderProof({
        courtName: '长春市南关区人民法院',
        caseNumber: '（2026）吉0102民初1号',
        causeName: '民间借贷纠纷',
        documentName: '传票',
        partyName: '王五 & <赵六>',
        partyRole: '被告',
        address: '长春市南关区自由大路2号',
        methodName: '邮寄送达',
        person: '集约中心 李四',
        servedOn: '2026-11-20',
        note: 'EMS 1234567890123',
        sealText: '长春市南关区人民法院（院印）',
        issuedOn: '2026-11-21',
      }),
    );
    for (const part of [
      '送达回证',
      '（2026）吉0102民初1号',
      '王五 & <赵六>（被告）',
      '邮寄送达',
      '2026-11-20',
      '受送达人签名或盖章',
      'EMS 1234567890123',
    ])
      expect(text).toContain(part);
    expect(text).not.toMatch(/[{}]/);
  });

  it('fills the announcement with both dates', () => {
    const text = textOf(
      renderAnnouncement({
        courtName: '长春市南关区人民法院',
        caseNumber: '（2026）吉0102民初1号',
        partyName: '王五',
        caseSummary: '（2026）吉0102民初1号民间借贷纠纷',
        documentName: '起诉状副本',
        publishedOn: '2026-09-05',
        effectiveOn: '2026-10-08',
        sealText: '长春市南关区人民法院（院印）',
        issuedOn: '2026-09-05',
      }),
    );
    for (const part of ['公　告', '王五：', '向你公告送达起诉状副本', '经过三十日', '2026-09-05', '2026-10-08'])
      expect(text).toContain(part);
  });

  it('names the download in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('送达回证-王五.docx', 'proof-1.docx')).toBe(
      `attachment; filename="proof-1.docx"; filename*=UTF-8''${encodeURIComponent('送达回证-王五.docx')}`,
    );
  });
});
