import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface KeysetFooterProps {
  /** What has been loaded out of how many, e.g. "共 120 件，已显示 20 件". */
  summary: ReactNode;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Prefix of the test ids: `<prefix>-total` and `<prefix>-load-more`. */
  testId?: string;
}

/** The footer of a keyset-paginated list: the totals and a button fetching the next page. */
export function KeysetFooter({ summary, hasMore, loading, onLoadMore, testId }: KeysetFooterProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Text type="secondary" data-testid={testId && `${testId}-total`}>
        {summary}
      </Typography.Text>
      <Button onClick={onLoadMore} disabled={!hasMore} loading={loading} data-testid={testId && `${testId}-load-more`}>
        {hasMore ? t('common.loadMore') : t('common.noMore')}
      </Button>
    </Flex>
  );
}
