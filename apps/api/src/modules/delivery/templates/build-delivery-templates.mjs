// Builds the templates of delivery (送达) next to this script:
//   node apps/api/src/modules/delivery/templates/build-delivery-templates.mjs
// proof-of-delivery.docx (送达回证) and announcement.docx (公告). A DOCX is a zip of XML parts; this
// writes the few a word processor needs. docxtemplater fills the {placeholders} (documents.ts).
// Each placeholder sits in a run of its own so that editing a template in Word keeps it whole. The
// output is byte-for-byte reproducible.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(text, { bold = false, size = 32, font = '仿宋' } = {}) {
  const props = `<w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(parts, { align = 'left', indent = false, spacingAfter = 120, ...runOptions } = {}) {
  const props = `<w:pPr><w:jc w:val="${align}"/><w:spacing w:after="${spacingAfter}" w:line="440" w:lineRule="exact"/>${indent ? '<w:ind w:firstLine="640"/>' : ''}</w:pPr>`;
  return `<w:p>${props}${parts.map((part) => run(part, runOptions)).join('')}</w:p>`;
}

/** A two-column table row of the proof of delivery: label, value. */
function row(label, value) {
  const cell = (content, width) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(content, { spacingAfter: 0, size: 28 })}</w:tc>`;
  return `<w:tr><w:trPr><w:trHeight w:val="680"/></w:trPr>${cell([label], 2400)}${cell(value, 6400)}</w:tr>`;
}

const border = (side) => `<w:${side} w:val="single" w:sz="8" w:space="0" w:color="000000"/>`;
const tableProps = `<w:tblPr><w:tblW w:w="8800" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>`;

const proof = [
  paragraph(['{courtName}'], { align: 'center', bold: true, size: 36, font: '宋体' }),
  paragraph(['送达回证'], { align: 'center', bold: true, size: 52, font: '宋体', spacingAfter: 240 }),
  `<w:tbl>${tableProps}<w:tblGrid><w:gridCol w:w="2400"/><w:gridCol w:w="6400"/></w:tblGrid>${[
    row('案　　号', ['{caseNumber}']),
    row('案　　由', ['{causeName}']),
    row('送达文书', ['{documentName}']),
    row('受送达人', ['{partyName}', '（', '{partyRole}', '）']),
    row('送达地址', ['{address}']),
    row('送达方式', ['{methodName}']),
    row('送 达 人', ['{person}']),
    row('送达时间', ['{servedOn}']),
    row('受送达人签名或盖章', ['']),
    row('代收人及代收理由', ['']),
    row('备　　注', ['{note}']),
  ].join('')}</w:tbl>`,
  paragraph([''], { spacingAfter: 240 }),
  paragraph(['{sealText}'], { align: 'right' }),
  paragraph(['{issuedOn}'], { align: 'right' }),
].join('');

const announcement = [
  paragraph(['{courtName}'], { align: 'center', bold: true, size: 36, font: '宋体' }),
  paragraph(['公　告'], { align: 'center', bold: true, size: 52, font: '宋体', spacingAfter: 240 }),
  paragraph(['{caseNumber}'], { align: 'right' }),
  paragraph(['{partyName}', '：'], { spacingAfter: 120 }),
  paragraph(
    [
      '本院受理',
      '{caseSummary}',
      '一案，因你下落不明，依照《中华人民共和国民事诉讼法》第九十五条的规定，向你公告送达',
      '{documentName}',
      '。自公告发出之日起经过三十日，即视为送达。',
    ],
    {
      indent: true,
    },
  ),
  paragraph(['公告发出日期：', '{publishedOn}'], { indent: true }),
  paragraph(['视为送达日期：', '{effectiveOn}'], { indent: true }),
  paragraph(['特此公告。'], { indent: true, spacingAfter: 480 }),
  paragraph(['{sealText}'], { align: 'right' }),
  paragraph(['{issuedOn}'], { align: 'right' }),
].join('');

const section =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';

function partsOf(title, body) {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:title>${title}</dc:title><dc:creator>CourtAssist</dc:creator></cp:coreProperties>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}${section}</w:body></w:document>`,
  };
}

function build(title, body) {
  const zip = new PizZip();
  for (const [name, content] of Object.entries(partsOf(title, body))) zip.file(name, content, { date: FIXED_DATE });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function buildProofTemplate() {
  return build('送达回证', proof);
}

export function buildAnnouncementTemplate() {
  return build('公告', announcement);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'proof-of-delivery.docx'), buildProofTemplate());
  writeFileSync(join(here, 'announcement.docx'), buildAnnouncementTemplate());
  console.log(`wrote ${here}/proof-of-delivery.docx and announcement.docx`);
}
