import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { loginPath, useMe } from '../../modules/auth';
import { problemText } from '../../shared/api/problem';
import { FullPageSpin } from '../../shared/components/FullPageSpin';
import { useLang } from '../../shared/lib/lang';

/** Renders its children for a signed-in user; otherwise sends them to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError && me.data === undefined) {
    return (
      <Result
        status="error"
        title={t('errors.sessionFailed')}
        subTitle={problemText(me.error, lang)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('errors.retry')}
          </Button>
        }
      />
    );
  }
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return children;
}
