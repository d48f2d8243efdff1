import type { WorkOrderDetail } from '@courtassist/contracts';
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../shared/lib/format';
import { translateOptional } from '../../shared/lib/i18n';
import { useLang } from '../../shared/lib/lang';
import { STATUS_COLORS, statusName } from './labels';

type Event = WorkOrderDetail['events'][number];

// The automatic steps are done by "work-orders" (the system) and carry a machine note.
const SYSTEM = 'work-orders';
const MACHINE_NOTES: Record<string, 'auto' | 'assigned' | 'closed'> = { auto: 'auto', assigned: 'assigned', closed: 'closed' };

const DOT: Record<string, string> = {
  green: 'green',
  gold: 'orange',
  orange: 'orange',
  default: 'gray',
  cyan: 'blue',
  blue: 'blue',
  processing: 'blue',
};

/** 办理留痕: every step of the order, oldest first — who, when, from which status to which, and the note. */
export function OrderTrace({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.trace.empty')} />;
  const noteOf = (e: Event) => {
    if (e.actorName === SYSTEM && MACHINE_NOTES[e.note]) return t(`workOrders.trace.${MACHINE_NOTES[e.note]}`);
    return e.note;
  };
  return (
    <Timeline
      data-testid="order-trace"
      items={events.map((e) => {
        const note = noteOf(e);
        return {
          key: e.id,
          color: DOT[STATUS_COLORS[e.toStatus]] ?? 'blue',
          children: (
            <div data-testid="trace-event" data-action={e.action}>
              <Typography.Text strong>{translateOptional(t, `workOrders.trace.actions.${e.action}`, e.action)}</Typography.Text>
              <Typography.Text style={{ marginInlineStart: 8 }}>
                {e.actorName === SYSTEM ? t('workOrders.detail.system') : e.actorName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {formatMoment(e.at)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {e.fromStatus ? `${statusName(e.fromStatus, lang)} → ` : ''}
                {statusName(e.toStatus, lang)}
              </Typography.Text>
              {note && (
                <Typography.Text style={{ display: 'block' }} data-testid="trace-note">
                  {t('workOrders.trace.note', { note })}
                </Typography.Text>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
