import { BorderOutlined, CheckSquareOutlined } from '@ant-design/icons';
import type { WorkOrderDetail } from '@courtassist/contracts';
import { Descriptions, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../shared/lib/lang';

/** A recorded result, read only: the values of the type's fields and the checklist ticks. */
export function ResultView({ order, emptyText }: { order: WorkOrderDetail; emptyText?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!order.result) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('workOrders.detail.noResult')} />;
  const result = order.result;
  return (
    <Descriptions column={1} size="small" bordered data-testid="result-view">
      {order.resultFields.map((f) => (
        <Descriptions.Item key={f.key} label={lang === 'en' ? f.labelEn : f.labelZh}>
          <span data-testid={`result-value-${f.key}`}>{result[f.key] ?? '—'}</span>
        </Descriptions.Item>
      ))}
      {order.checklistItems.length > 0 && (
        <Descriptions.Item label={t('workOrders.detail.checklist')}>
          <Flex gap={12} wrap>
            {order.checklistItems.map((i) => (
              <Typography.Text key={i.key} type={order.checklist[i.key] ? undefined : 'secondary'}>
                {order.checklist[i.key] ? <CheckSquareOutlined style={{ color: '#52c41a' }} /> : <BorderOutlined />}{' '}
                {lang === 'en' ? i.labelEn : i.labelZh}
              </Typography.Text>
            ))}
          </Flex>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
