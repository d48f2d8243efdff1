import type { HearingConflict } from '@courtassist/contracts';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problem';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { type Lang, pickText, useLang } from '../../shared/lib/lang';
import { formFieldOf } from './schedule';

/** The clashes of a 409 HEARING_CONFLICT (its `meta.conflicts`); empty for any other error. */
export function conflictsOf(error: unknown): HearingConflict[] {
  if (!isApiError(error, 'HEARING_CONFLICT')) return [];
  const conflicts = error.problem.meta?.conflicts;
  return Array.isArray(conflicts) ? (conflicts as HearingConflict[]) : [];
}

/**
 * Marks the fields a validation problem names (mapped by `fieldOf`) and returns the messages of
 * the problems no field shows, e.g. `hearing_not_started` on the hearing itself.
 */
function placeFieldErrors(
  form: FormInstance | undefined,
  error: unknown,
  lang: Lang,
  fieldOf: (p: { field: string; code: string }) => string | null,
): string[] {
  if (!isApiError(error) || !error.problem.errors?.length) return [];
  const onFields = new Map<string, string[]>();
  const loose: string[] = [];
  for (const p of error.problem.errors) {
    const name = form ? fieldOf(p) : null;
    const text = pickText(lang, p.message);
    if (name) onFields.set(name, [...(onFields.get(name) ?? []), text]);
    else loose.push(text);
  }
  form?.setFields([...onFields].map(([name, errors]) => ({ name, errors })));
  return loose;
}

/**
 * Errors of a hearing change:
 * - 409 HEARING_CONFLICT: `onConflict` shows the clashes (nothing was written);
 * - 409 VERSION_CONFLICT: someone changed the hearing meanwhile; it reloads (api.ts) and the open
 *   form shows the new values;
 * - 400 with field problems: on the form's fields, the rest (and the summary) as a message;
 * - anything else (INVALID_STATE, 403 …): the server's message.
 */
export function useHearingError(
  form: FormInstance | undefined,
  onConflict?: (conflicts: HearingConflict[]) => void,
  fieldOf: (p: { field: string; code: string }) => string | null = formFieldOf,
): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const lang = useLang();
  const showProblem = useProblemHandler();
  return useCallback(
    (error: unknown) => {
      const conflicts = conflictsOf(error);
      if (conflicts.length > 0 && onConflict) {
        onConflict(conflicts);
        return;
      }
      if (isApiError(error, 'VERSION_CONFLICT')) {
        message.warning(t('common.versionConflict'), 6);
        return;
      }
      if (isApiError(error, 'VALIDATION_FAILED')) {
        const loose = placeFieldErrors(form, error, lang, fieldOf);
        message.error(loose.length > 0 ? loose.join(t('common.listSeparator')) : problemText(error, lang), 6);
        return;
      }
      showProblem(error);
    },
    [message, t, lang, showProblem, form, onConflict, fieldOf],
  );
}
