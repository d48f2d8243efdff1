import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface KeysetFooterProps {
  total: number;
  loaded: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "共 N 条，已显示 M 条" with a button fetching the next keyset page. */
export function KeysetFooter({ total, loaded, hasMore, loading, onLoadMore }: KeysetFooterProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Text type="secondary" data-testid="audit-total">
        {t('common.total', { count: total })}
        {t('common.listSeparator')}
        {t('audit.loaded', { count: loaded })}
      </Typography.Text>
      <Button onClick={onLoadMore} disabled={!hasMore} loading={loading} data-testid="audit-load-more">
        {hasMore ? t('audit.loadMore') : t('audit.noMore')}
      </Button>
    </Flex>
  );
}
