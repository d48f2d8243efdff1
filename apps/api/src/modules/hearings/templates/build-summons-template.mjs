// Builds summons.docx, the template of the summons (传票), next to this script:
//   node apps/api/src/modules/hearings/templates/build-summons-template.mjs
// A DOCX is a zip of XML parts; this writes the few a word processor needs. The {placeholders}
// are filled by docxtemplater (summons.ts). Each placeholder sits in a run of its own, so that
// editing the template in Word keeps it whole. The output is byte-for-byte reproducible.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run: text in 仿宋 (or 宋体 for headings), size in half-points. */
function run(text, { bold = false, size = 32, font = '仿宋' } = {}) {
  const props = `<w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A paragraph of text and {placeholders}: `['应到时间：', '{hearingTime}']`. */
function paragraph(parts, { align = 'left', indent = false, spacingAfter = 120, ...runOptions } = {}) {
  const props = `<w:pPr><w:jc w:val="${align}"/><w:spacing w:after="${spacingAfter}" w:line="440" w:lineRule="exact"/>${indent ? '<w:ind w:firstLine="640"/>' : ''}</w:pPr>`;
  return `<w:p>${props}${parts.map((part) => run(part, runOptions)).join('')}</w:p>`;
}

const body = [
  paragraph(['{courtName}'], { align: 'center', bold: true, size: 36, font: '宋体' }),
  paragraph(['传　票'], { align: 'center', bold: true, size: 52, font: '宋体', spacingAfter: 240 }),
  paragraph(['{caseNumber}'], { align: 'right' }),
  paragraph(['案　　由：', '{causeName}']),
  paragraph(['被传唤人：', '{partyName}']),
  paragraph(['诉讼地位：', '{partyRole}']),
  paragraph(['工作单位或住址：', '{partyAddress}']),
  paragraph(['传唤事由：', '{hearingKind}']),
  paragraph(['应到时间：', '{hearingTime}']),
  paragraph(['应到处所：', '{courtroomName}', '（', '{courtroomLocation}', '）']),
  paragraph(['法院地址：', '{courtAddress}']),
  paragraph(['书 记 员：', '{clerkName}'], { spacingAfter: 240 }),
  paragraph(['注意事项：'], { bold: true }),
  paragraph(['一、被传唤人必须准时到达应到处所，并携带本传票和身份证明。'], { indent: true }),
  paragraph(['二、被传唤人收到传票后，应在送达回证上签名或者盖章。'], { indent: true }),
  paragraph(['三、被传唤人经传票传唤，无正当理由拒不到庭的，人民法院将依照法律规定处理。'], { indent: true, spacingAfter: 480 }),
  paragraph(['{sealText}'], { align: 'right' }),
  paragraph(['{issuedOn}'], { align: 'right' }),
].join('');

const section =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';

const parts = {
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
    '<dc:title>传票</dc:title><dc:creator>CourtAssist</dc:creator></cp:coreProperties>',
  'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}${section}</w:body></w:document>`,
};

export function buildSummonsTemplate() {
  const zip = new PizZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content, { date: FIXED_DATE });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), 'summons.docx');
  writeFileSync(out, buildSummonsTemplate());
  console.log(`wrote ${out}`);
}
