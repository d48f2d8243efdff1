import type { DeliveryTaskDetail } from '@courtassist/contracts';
import { Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Where to serve the recipient. The task carries the address of a signed 送达地址确认书 when there
 * is one (marked, and listed first), otherwise the one from the filing.
 */
export function TaskAddresses({ task }: { task: DeliveryTaskDetail }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'address', label: t('delivery.drawer.address'), value: task.address },
    { key: 'electronicAddress', label: t('delivery.drawer.electronicAddress'), value: task.electronicAddress },
    { key: 'phone', label: t('delivery.drawer.phone'), value: task.phone },
    { key: 'email', label: t('delivery.drawer.email'), value: task.email },
  ].filter((row) => row.value);
  return (
    <div data-testid="delivery-addresses">
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('delivery.drawer.addresses')}
        </Typography.Title>
        {task.addressConfirmed && (
          <Tooltip title={t('delivery.drawer.confirmedHint')}>
            <Tag color="green" data-testid="delivery-address-confirmed">
              {t('delivery.drawer.confirmed')}
            </Tag>
          </Tooltip>
        )}
      </Flex>
      {rows.length === 0 ? (
        <Typography.Text type="warning">{t('delivery.drawer.none')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={rows.map((row) => ({ key: row.key, label: row.label, children: row.value }))}
        />
      )}
    </div>
  );
}
