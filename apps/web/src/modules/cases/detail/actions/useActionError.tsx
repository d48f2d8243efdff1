import { Alert, App, type FormInstance } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api/client';
import { problemText } from '../../../../shared/api/problem';
import { useSaveErrorHandler } from '../../../../shared/api/useProblemHandler';
import { useLang } from '../../../../shared/lib/lang';

/**
 * Errors of an action on a case. The case is reloaded after any refusal (see api.ts):
 * - 409 VERSION_CONFLICT: someone changed the case; the dialog stays open on the reloaded case and
 *   says so inside itself (`notice`) — the passing message alone is easily missed while the
 *   person reads the reloaded values;
 * - 409 INVALID_STATE: the action no longer applies; its message is shown and the dialog closes;
 * - anything else: the message, with field errors on the form.
 * `notice` is cleared when the dialog closes.
 */
export function useActionError(
  form: FormInstance | undefined,
  close: () => void,
  open: boolean,
): { onError: (error: unknown) => void; notice: ReactNode } {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const lang = useLang();
  const onSaveError = useSaveErrorHandler();
  const [reloaded, setReloaded] = useState(false);
  useEffect(() => {
    if (!open) setReloaded(false);
  }, [open]);
  const onError = useCallback(
    (error: unknown) => {
      if (isApiError(error, 'INVALID_STATE')) {
        const detail = lang === 'en' && error.problem.detail ? ` ${error.problem.detail}` : '';
        message.error(`${problemText(error, lang)}${detail}`, 6);
        close();
        return;
      }
      if (onSaveError(error, form)) setReloaded(true);
    },
    [message, lang, onSaveError, form, close],
  );
  const notice = reloaded ? (
    <Alert type="warning" showIcon message={t('common.versionConflict')} style={{ marginBottom: 16 }} data-testid="action-reloaded" />
  ) : null;
  return { onError, notice };
}
