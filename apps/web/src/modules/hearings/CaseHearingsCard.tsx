import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { type CaseDetail, HEARING_KIND_NAMES, type HearingView, MAX_CALENDAR_DAYS } from '@courtassist/contracts';
import { Alert, Button, Card, Empty, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useBilingual, useLang } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { useCaseHearings } from './api';
import { HearingDrawer } from './HearingDrawer';
import { HearingStatusTag } from './HearingStatusTag';
import { ScheduleHearingModal } from './ScheduleHearingModal';
import { addDays, chinaParts, todayInChina } from './week';

/** The API answers at most MAX_CALENDAR_DAYS days at a time: the card pages through windows that long, a week of the past first. */
const WINDOW_DAYS = MAX_CALENDAR_DAYS;
const PAST_DAYS = 7;

function windowFrom(start: string) {
  return { from: start, to: addDays(start, WINDOW_DAYS - 1) };
}

function HearingItem({ hearing: h, onOpen }: { hearing: HearingView; onOpen: () => void }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const start = chinaParts(h.startsAt);
  const end = chinaParts(h.endsAt);
  return (
    <List.Item data-testid={`case-hearing-${h.id}`} extra={<HearingStatusTag status={h.status} />}>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Button type="link" style={{ padding: 0, height: 'auto', alignSelf: 'flex-start' }} onClick={onOpen}>
          <Typography.Text strong delete={h.status === 'cancelled'}>
            {start.date} {start.time}–{end.time}
          </Typography.Text>
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {h.courtroomName} · {bilingual(HEARING_KIND_NAMES[h.kind])} · {h.isPublic ? t('hearings.card.public') : t('hearings.inCamera')}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/**
 * 庭审 on the case page: the case's hearings (cancelled ones too) a few weeks at a time, each
 * opening its detail and actions; 排期 for an open case when the user schedules hearings.
 */
export function CaseHearingsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [start, setStart] = useState(() => addDays(todayInChina(), -PAST_DAYS));
  const [scheduling, setScheduling] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const { from, to } = windowFrom(start);
  const query = useCaseHearings(detail.id, from, to);
  const items = query.data?.items ?? [];
  const canSchedule = detail.status === 'open' && can('hearing.schedule');

  // A hearing booked outside the window brings the window to it.
  const showDay = (date: string) => {
    if (date < from || date > to) setStart(addDays(date, -PAST_DAYS));
  };

  return (
    <Card
      title={t('hearings.card.title')}
      style={{ marginBottom: 16 }}
      data-testid="case-hearings"
      extra={
        canSchedule && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="case-hearing-schedule">
            {t('hearings.schedule.open')}
          </Button>
        )
      }
    >
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="case-hearings-window">
          {t('hearings.weekRange', { from, to })} · {t('hearings.count', { count: query.data?.total ?? 0 })}
        </Typography.Text>
        <Space size={4}>
          <Button
            size="small"
            icon={<LeftOutlined />}
            onClick={() => setStart(addDays(start, -WINDOW_DAYS))}
            aria-label={t('hearings.card.earlier')}
          />
          <Button size="small" onClick={() => setStart(addDays(todayInChina(), -PAST_DAYS))}>
            {t('hearings.card.now')}
          </Button>
          <Button
            size="small"
            icon={<RightOutlined />}
            onClick={() => setStart(addDays(start, WINDOW_DAYS))}
            aria-label={t('hearings.card.later')}
          />
        </Space>
      </Flex>
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      {query.isSuccess && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hearings.card.empty')} />}
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          rowKey="id"
          loading={query.isFetching}
          renderItem={(h) => <HearingItem hearing={h} onOpen={() => setOpen(h.id)} />}
        />
      )}
      <ScheduleHearingModal
        target={scheduling ? { mode: 'schedule', caseId: detail.id } : null}
        onClose={() => setScheduling(false)}
        onDone={(h) => showDay(chinaParts(h.startsAt).date)}
      />
      <HearingDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
