import { PlusOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@courtassist/contracts';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth';
import { AddressConfirmations } from './AddressConfirmations';
import { CreateTasksModal } from './CreateTasksModal';
import { DeliveryHotlinePanel } from './DeliveryHotlinePanel';
import { DeliveryTaskDrawer } from './DeliveryTaskDrawer';
import { TasksByParty } from './TasksByParty';

/**
 * 送达 on the case page: the delivery tasks grouped by recipient, each opening its drawer (addresses,
 * attempts, next step, evidence, documents); the parties' address confirmations; the hotline's call log.
 */
export function CaseDeliveryCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [openTask, setOpenTask] = useState<number | null>(null);
  if (!can('delivery.read')) return null;
  const handles = can('delivery.handle') && detail.status !== 'archived';

  return (
    <Card
      title={t('delivery.title')}
      style={{ marginBottom: 16 }}
      data-testid="case-delivery"
      styles={{ body: { paddingTop: 4 } }}
      extra={
        handles && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="delivery-create">
            {t('delivery.card.create')}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'tasks',
            label: t('delivery.tabs.tasks'),
            children: <TasksByParty caseId={detail.id} onOpen={setOpenTask} />,
          },
          {
            key: 'addresses',
            label: <span data-testid="delivery-tab-addresses">{t('delivery.tabs.addresses')}</span>,
            children: <AddressConfirmations detail={detail} editable={handles} />,
          },
          {
            key: 'hotline',
            label: <span data-testid="delivery-tab-hotline">{t('delivery.tabs.hotline')}</span>,
            children: <DeliveryHotlinePanel detail={detail} editable={handles} />,
          },
        ]}
      />
      <CreateTasksModal detail={detail} open={creating} onClose={() => setCreating(false)} />
      <DeliveryTaskDrawer taskId={openTask} editable={handles} onClose={() => setOpenTask(null)} />
    </Card>
  );
}
