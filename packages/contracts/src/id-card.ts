import { z } from 'zod';
import { isCalendarDate } from './deadlines.js';

/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 6-digit administrative division
 * code, 8-digit birth date, 3-digit sequence (odd = male, even = female) and an ISO 7064
 * MOD 11-2 check character. Pure; shared by the API (party records) and the web forms.
 */

/** Province-level prefixes (first two digits of the division code) that a number may start with. */
export const ID_CARD_PROVINCES: Readonly<Record<string, { zh: string; en: string }>> = {
  '11': { zh: '北京', en: 'Beijing' },
  '12': { zh: '天津', en: 'Tianjin' },
  '13': { zh: '河北', en: 'Hebei' },
  '14': { zh: '山西', en: 'Shanxi' },
  '15': { zh: '内蒙古', en: 'Inner Mongolia' },
  '21': { zh: '辽宁', en: 'Liaoning' },
  '22': { zh: '吉林', en: 'Jilin' },
  '23': { zh: '黑龙江', en: 'Heilongjiang' },
  '31': { zh: '上海', en: 'Shanghai' },
  '32': { zh: '江苏', en: 'Jiangsu' },
  '33': { zh: '浙江', en: 'Zhejiang' },
  '34': { zh: '安徽', en: 'Anhui' },
  '35': { zh: '福建', en: 'Fujian' },
  '36': { zh: '江西', en: 'Jiangxi' },
  '37': { zh: '山东', en: 'Shandong' },
  '41': { zh: '河南', en: 'Henan' },
  '42': { zh: '湖北', en: 'Hubei' },
  '43': { zh: '湖南', en: 'Hunan' },
  '44': { zh: '广东', en: 'Guangdong' },
  '45': { zh: '广西', en: 'Guangxi' },
  '46': { zh: '海南', en: 'Hainan' },
  '50': { zh: '重庆', en: 'Chongqing' },
  '51': { zh: '四川', en: 'Sichuan' },
  '52': { zh: '贵州', en: 'Guizhou' },
  '53': { zh: '云南', en: 'Yunnan' },
  '54': { zh: '西藏', en: 'Xizang (Tibet)' },
  '61': { zh: '陕西', en: 'Shaanxi' },
  '62': { zh: '甘肃', en: 'Gansu' },
  '63': { zh: '青海', en: 'Qinghai' },
  '64': { zh: '宁夏', en: 'Ningxia' },
  '65': { zh: '新疆', en: 'Xinjiang' },
  '71': { zh: '台湾', en: 'Taiwan' },
  // 81/82/83 also start the numbers on residence permits for Hong Kong, Macao and Taiwan residents.
  '81': { zh: '香港', en: 'Hong Kong' },
  '82': { zh: '澳门', en: 'Macao' },
  '83': { zh: '台湾（居住证）', en: 'Taiwan (residence permit)' },
  '91': { zh: '国外', en: 'Abroad' },
};

export const ID_CARD_REASONS = ['length', 'format', 'region', 'birth_date', 'checksum'] as const;
export type IdCardReason = (typeof ID_CARD_REASONS)[number];

export type IdCardResult =
  | { ok: true; number: string; birthDate: string; gender: 'male' | 'female'; region: string }
  | { ok: false; reason: IdCardReason };

// Weight of position i (1-based from the left) is 2^(18-i) mod 11; check = (12 - sum mod 11) mod 11,
// with 10 written as X. Every weight is non-zero mod the prime 11, so any single wrong digit
// changes the sum mod 11 and is caught.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432'; // indexed by sum mod 11

/** The check character (0–9 or X) for the first 17 digits. Throws on anything but 17 ASCII digits. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCardCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Today's calendar date in China Standard Time (UTC+8, no daylight saving), `YYYY-MM-DD`. */
function chinaToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

function birthDateOf(number: string): string {
  return `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
}

/**
 * Checks a resident identity card number. A lower-case x check character is accepted and
 * returned upper-case in `number`. The birth date must be a real date from 1900-01-01 up to
 * `today` (`YYYY-MM-DD`, default: today in China Standard Time, the date of law).
 * Whitespace is not trimmed here: the schema trims form input, a stored value must be exact.
 */
export function validateIdCard(value: unknown, today: string = chinaToday()): IdCardResult {
  if (!isCalendarDate(today)) throw new RangeError('today must be a YYYY-MM-DD calendar date');
  if (typeof value !== 'string') return { ok: false, reason: 'format' };
  if (value.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dXx]$/.test(value)) return { ok: false, reason: 'format' };
  const number = value.toUpperCase();
  if (!(number.slice(0, 2) in ID_CARD_PROVINCES)) return { ok: false, reason: 'region' };
  const birthDate = birthDateOf(number);
  // Same-format ISO dates compare correctly as strings.
  if (!isCalendarDate(birthDate) || birthDate > today) return { ok: false, reason: 'birth_date' };
  if (idCardCheckChar(number.slice(0, 17)) !== number[17]) return { ok: false, reason: 'checksum' };
  const gender = (number.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { ok: true, number, birthDate, gender, region: number.slice(0, 6) };
}

/**
 * Builds a valid number from its parts (the demo-data generator uses it): `region6` a division
 * code under a known province, `birth` a real date `YYYYMMDD` from 1900, `seq3` three digits.
 * Throws RangeError on parts that could never validate, so bad demo data fails loudly.
 */
export function makeIdCard(region6: string, birth: string, seq3: string): string {
  if (!/^\d{6}$/.test(region6) || !(region6.slice(0, 2) in ID_CARD_PROVINCES)) {
    throw new RangeError(`Not a known division code: ${region6}`);
  }
  if (!/^\d{8}$/.test(birth) || !isCalendarDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`)) {
    throw new RangeError(`Not a real birth date YYYYMMDD: ${birth}`);
  }
  if (!/^\d{3}$/.test(seq3)) throw new RangeError(`Not a 3-digit sequence: ${seq3}`);
  const first17 = `${region6}${birth}${seq3}`;
  return first17 + idCardCheckChar(first17);
}

/** Messages per reason, for field errors (`id_card_<reason>`; to be merged into FIELD_ERRORS). */
export const ID_CARD_FIELD_ERRORS = {
  id_card_length: { zh: '身份证号码应为 18 位', en: 'An identity card number has 18 characters' },
  id_card_format: { zh: '身份证号码前 17 位应为数字，末位为数字或 X', en: 'The first 17 characters must be digits, the last a digit or X' },
  id_card_region: { zh: '身份证号码的地区代码不存在', en: 'The region code of the identity card number does not exist' },
  id_card_birth_date: {
    zh: '身份证号码中的出生日期无效（须为 1900 年以后、不晚于今天的真实日期）',
    en: 'The birth date in the identity card number is not a real date between 1900 and today',
  },
  id_card_checksum: { zh: '身份证号码校验位不正确，请核对', en: 'The check character does not match; check the number' },
} as const satisfies Record<`id_card_${IdCardReason}`, { zh: string; en: string }>;

/**
 * A resident identity card number from a form: trimmed and upper-cased (x → X), then validated
 * against today's date. The issue carries `params.code` = `id_card_<reason>`.
 */
export const idCardNumber = z
  .string()
  .trim()
  .toUpperCase()
  .check((ctx) => {
    const result = validateIdCard(ctx.value);
    if (result.ok) return;
    const code = `id_card_${result.reason}` as const;
    ctx.issues.push({ code: 'custom', input: ctx.value, message: ID_CARD_FIELD_ERRORS[code].en, params: { code } });
  });
