import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemText } from '../../../shared/api/problem';
import { useLang } from '../../../shared/lib/lang';
import { TAP } from './common';

/** A thumb-sized link back to a list. */
export function BackTo({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44, fontSize: 16 }} data-testid="mobile-back">
      <ArrowLeftOutlined /> {t('networkPhone.back')}
    </Link>
  );
}

interface PagedList {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

/**
 * A phone list of cards: the total first ("共 N 条"), the cards, and "加载更多" while there are
 * more; a spinner, an empty note or the error (with a retry) otherwise.
 */
export function CardList({
  list,
  total,
  loaded,
  empty,
  testId,
  children,
}: {
  list: PagedList;
  total: number | undefined;
  loaded: number;
  empty: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (list.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (list.isError && loaded === 0)
    return (
      <Result
        status="warning"
        title={problemText(list.error, lang)}
        extra={
          <Button style={TAP} onClick={() => list.refetch()}>
            {t('networkPhone.retry')}
          </Button>
        }
      />
    );
  return (
    <Flex vertical gap={12} data-testid={testId}>
      {loaded === 0 ? (
        <Empty description={empty} style={{ marginTop: 48 }} />
      ) : (
        <Typography.Text type="secondary" data-testid="mobile-list-total">
          {t('networkPhone.total', { count: total ?? loaded })}
        </Typography.Text>
      )}
      {children}
      {list.hasNextPage && (
        <Button block style={TAP} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()} data-testid="mobile-load-more">
          {t('networkPhone.loadMore')}
        </Button>
      )}
    </Flex>
  );
}

/** A label and its value on one line of a narrow card; the value keeps to the right. */
export function Row({ label, children, strong }: { label: ReactNode; children: ReactNode; strong?: boolean }) {
  return (
    <Flex justify="space-between" align="baseline" gap={12} style={{ fontSize: strong ? 17 : 15, minHeight: 28 }}>
      <Typography.Text type={strong ? undefined : 'secondary'} strong={strong}>
        {label}
      </Typography.Text>
      <Typography.Text strong={strong} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Typography.Text>
    </Flex>
  );
}
