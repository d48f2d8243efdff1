import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined } from '@ant-design/icons';
import type { HearingDetail } from '@courtassist/contracts';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth';
import { CancelHearingModal } from './CancelHearingModal';
import { HoldHearingModal } from './HoldHearingModal';
import { ScheduleHearingModal } from './ScheduleHearingModal';

type Dialog = 'reschedule' | 'cancel' | 'hold' | null;

/**
 * What may be done to a booked hearing by those who schedule: move it (改期/换庭), cancel it, and
 * once its start has come, record it as held. The server checks that they belong to the case's team.
 */
export function HearingActions({ hearing: h }: { hearing: HearingDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  if (!can('hearing.schedule') || h.status !== 'scheduled') return null;
  const started = Date.parse(h.startsAt) <= Date.now();

  return (
    <>
      <Space wrap>
        {started && (
          <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('hold')} data-testid="hearing-hold">
            {t('hearings.hold.open')}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={() => setDialog('reschedule')} data-testid="hearing-reschedule">
          {t('hearings.schedule.reschedule')}
        </Button>
        <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('cancel')} data-testid="hearing-cancel">
          {t('hearings.cancel.open')}
        </Button>
      </Space>
      <ScheduleHearingModal target={dialog === 'reschedule' ? { mode: 'reschedule', hearingId: h.id } : null} onClose={close} />
      <CancelHearingModal hearing={dialog === 'cancel' ? h : null} onClose={close} />
      <HoldHearingModal hearing={dialog === 'hold' ? h : null} onClose={close} />
    </>
  );
}
