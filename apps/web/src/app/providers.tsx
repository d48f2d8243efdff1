import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { meKey } from '../modules/auth';
import { ApiError, setUnauthorizedHandler } from '../shared/api/client';
import { useLang } from '../shared/lib/lang';
import { appTheme } from './theme';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (401/403/404/409 …) will not change on retry; network and server errors may.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

// A 401 from any call means the session has ended: forget the user; the route guard sends them to log in.
setUnauthorizedHandler(() => queryClient.setQueryData(meKey, null));

export function AppProviders({ children }: { children: ReactNode }) {
  const lang = useLang();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={appTheme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
