import { yuan } from '../assessment/api';

/** ¥12.34 from 1234 fen (thousands separated: ¥1,234.50), in integer arithmetic. */
export function formatFen(fen: number): string {
  return fen < 0 ? `-¥${yuan(-fen)}` : `¥${yuan(fen)}`;
}

/** ×1.20 from 1200 per-mille. */
export function formatPermille(permille: number): string {
  return `×${(permille / 1000).toFixed(permille % 10 === 0 ? 2 : 3)}`;
}
