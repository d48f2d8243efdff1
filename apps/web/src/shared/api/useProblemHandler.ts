import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../lib/lang';
import { isApiError } from './client';
import { applyFieldErrors, problemText } from './problem';

/**
 * Returns a handler showing an API error: the message in the current language, and per-field
 * errors on the form when one is given. A 401 is handled by the session redirect, silently.
 */
export function useProblemHandler(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const lang = useLang();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (isApiError(error, 'UNAUTHENTICATED')) return;
      if (form) applyFieldErrors(form, error, lang);
      message.error(problemText(error, lang));
    },
    [message, lang],
  );
}

/**
 * Like useProblemHandler, but a stale write (409 VERSION_CONFLICT) is reported as "reloaded":
 * the mutation's settle handler refetches the record, and the open form shows the new values.
 * Returns true when the error was a version conflict.
 */
export function useSaveErrorHandler(): (error: unknown, form?: FormInstance) => boolean {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const showProblem = useProblemHandler();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        message.warning(t('common.versionConflict'), 6);
        return true;
      }
      showProblem(error, form);
      return false;
    },
    [message, t, showProblem],
  );
}
