import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Result, Spin, Typography } from 'antd';
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

/**
 * A phone page of one record (a month's assessment, a statement): a spinner while it loads, the
 * problem — or "not found" for an id that is not one — with the way back, else the record's
 * sections under the link back to its list.
 */
export function RecordPage<T>({
  id,
  query,
  backTo,
  testId,
  children,
}: {
  id: number;
  query: { isPending: boolean; data: T | undefined; error: unknown };
  backTo: string;
  testId: string;
  children: (record: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (query.isPending && Number.isInteger(id) && id > 0) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!query.data)
    return (
      <Result
        status="warning"
        title={query.error ? problemText(query.error, lang) : t('networkPhone.notFound')}
        extra={<BackTo to={backTo} />}
      />
    );
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <BackTo to={backTo} />
      {children(query.data)}
    </Flex>
  );
}

/** A card of a monthly list that opens the month: the month large with its tag, then the card's own lines. */
export function MonthCard({
  to,
  testId,
  month,
  tag,
  children,
}: {
  to: string;
  testId: string;
  month: string;
  tag: ReactNode;
  children: ReactNode;
}) {
  return (
    <Link to={to} style={{ color: 'inherit' }} data-testid={testId}>
      <Card size="small" styles={{ body: { padding: 14 } }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {month}
              </Typography.Text>
              {tag}
            </Flex>
            {children}
          </Flex>
          <RightOutlined style={{ color: '#999' }} />
        </Flex>
      </Card>
    </Link>
  );
}
