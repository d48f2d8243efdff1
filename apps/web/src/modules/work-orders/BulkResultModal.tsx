import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { WorkOrderView } from '@courtassist/contracts';
import { List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../shared/lib/lang';
import type { BulkResult } from './api';
import { codeText, typeName } from './labels';

interface BulkResultModalProps {
  result: BulkResult | null;
  /** The orders as they were when chosen, to name each one. */
  orders: WorkOrderView[];
  onClose: () => void;
}

/** What became of each order of a bulk dispatch or return: each succeeds or fails on its own. */
export function BulkResultModal({ result, orders, onClose }: BulkResultModalProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const byId = new Map(orders.map((o) => [o.id, o]));
  const failed = result ? result.items.length - result.succeeded : 0;
  return (
    <Modal
      open={!!result}
      title={t('workOrders.bulk.resultTitle', { ok: result?.succeeded ?? 0, failed })}
      onCancel={onClose}
      onOk={onClose}
      okText={t('workOrders.bulk.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      <List
        size="small"
        data-testid="bulk-results"
        dataSource={result?.items ?? []}
        renderItem={(item) => {
          const order = byId.get(item.id);
          return (
            <List.Item data-testid="bulk-result" data-ok={item.ok ? 'true' : 'false'}>
              <Typography.Text>
                {item.ok ? (
                  <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 8 }} />
                ) : (
                  <CloseCircleFilled style={{ color: '#ff4d4f', marginInlineEnd: 8 }} />
                )}
                #{item.id} {order ? `${order.caseNumber} ${typeName(order, lang)}` : ''}
              </Typography.Text>
              <Typography.Text type={item.ok ? 'success' : 'danger'}>
                {item.ok ? t('workOrders.bulk.ok') : codeText(item.code, lang)}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
    </Modal>
  );
}
