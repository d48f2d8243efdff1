import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../../../shared/api/client';
import { problemText } from '../../../shared/api/problem';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useLang } from '../../../shared/lib/lang';

/**
 * Errors of an action on a limit change. The changes are reloaded after any refusal (see api.ts):
 * - 409 VERSION_CONFLICT: someone decided or withdrew it meanwhile; the dialog stays open on the
 *   reloaded change (or closes, when the change has left the list);
 * - 409 INVALID_STATE: the action no longer applies (already decided, a request of that kind
 *   already pending); its message, with the server's detail in English, and the dialog closes;
 * - anything else: the message, with field errors on the form.
 */
export function useLimitError(form: FormInstance | undefined, close: () => void): (error: unknown) => void {
  const { message } = App.useApp();
  const lang = useLang();
  const onSaveError = useSaveErrorHandler();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error, 'INVALID_STATE')) {
        const detail = lang === 'en' && error.problem.detail ? ` ${error.problem.detail}` : '';
        message.error(`${problemText(error, lang)}${detail}`, 6);
        close();
        return;
      }
      onSaveError(error, form);
    },
    [message, lang, onSaveError, form, close],
  );
}
