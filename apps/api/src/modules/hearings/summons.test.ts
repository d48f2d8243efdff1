import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { contentDisposition, renderSummons, SUMMONS_TEMPLATE, type SummonsData } from './summons.js';
import { buildSummonsTemplate } from './templates/build-summons-template.mjs';

const data: SummonsData = {
  courtName: '长春市南关区人民法院',
  caseNumber: '（2026）吉0102民初1号',
  causeName: '民间借贷纠纷',
  partyName: '张三 & <李四>',
  partyRole: '原告',
  partyAddress: '长春市南关区人民大街1号',
  hearingKind: '开庭审理',
  hearingTime: '2026年12月1日（星期二）09:30',
  courtroomName: '第一法庭',
  courtroomLocation: '审判楼1层',
  courtAddress: '吉林省长春市南关区人民大街2号',
  clerkName: '王书记员',
  sealText: '长春市南关区人民法院（院印）',
  issuedOn: '二〇二六年十一月二十一日',
};

const textOf = (docx: Buffer) =>
  (new PizZip(docx).file('word/document.xml')?.asText() ?? '')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('summons template', () => {
  it('is what the generating script builds (regenerate it with the script after a change)', () => {
    expect(Buffer.compare(readFileSync(SUMMONS_TEMPLATE), buildSummonsTemplate())).toBe(0);
  });

  it('holds every placeholder, each whole', () => {
    const text = textOf(readFileSync(SUMMONS_TEMPLATE));
    for (const key of Object.keys(data)) expect(text).toContain(`{${key}}`);
  });

  it('fills every placeholder, escaping the text', () => {
    const text = textOf(renderSummons(data));
    expect(text).not.toMatch(/[{}]/);
    expect(text.split('\n').filter(Boolean)).toEqual(
      expect.arrayContaining([
        '长春市南关区人民法院',
        '（2026）吉0102民初1号',
        '被传唤人：张三 & <李四>',
        '诉讼地位：原告',
        '应到时间：2026年12月1日（星期二）09:30',
        '应到处所：第一法庭（审判楼1层）',
        '长春市南关区人民法院（院印）',
        '二〇二六年十一月二十一日',
      ]),
    );
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name, percent-encoded', () => {
    const header = contentDisposition('传票-（2026）吉0102民初1号-张三 (1).docx', 'summons-1-2.docx');
    expect(header).toMatch(/^attachment; filename="summons-1-2\.docx"; filename\*=UTF-8''/);
    const encoded = header.split("UTF-8''")[1];
    expect(encoded).not.toMatch(/[^A-Za-z0-9%\-_.!~]/);
    expect(decodeURIComponent(encoded)).toBe('传票-（2026）吉0102民初1号-张三 (1).docx');
  });
});
