import type { FieldProblem } from '@courtassist/contracts';
import type { FormInstance } from 'antd';
import { type Lang, pickText } from '../lib/lang';
import { ApiError } from './client';

/** The user-facing text of any error, in the given language. */
export function problemText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) return pickText(lang, error.problem.message);
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

type FieldPath = (string | number)[];

/** `body.template.judge` → `['template', 'judge']`; `body.members.0.userId` → `['members', 0, 'userId']`. */
export function fieldPath(field: string): FieldPath {
  const parts = field.split('.');
  if (['body', 'query', 'params'].includes(parts[0]) && parts.length > 1) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function fieldErrors(problems: FieldProblem[], lang: Lang): { name: FieldPath; errors: string[] }[] {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const p of problems) {
    const entry = byField.get(p.field) ?? { name: fieldPath(p.field), errors: [] };
    entry.errors.push(pickText(lang, p.message));
    byField.set(p.field, entry);
  }
  return [...byField.values()];
}

/** Marks the form fields named by a validation problem; returns true if any were marked. */
export function applyFieldErrors(form: FormInstance, error: unknown, lang: Lang): boolean {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
  form.setFields(fieldErrors(error.problem.errors, lang));
  return true;
}
