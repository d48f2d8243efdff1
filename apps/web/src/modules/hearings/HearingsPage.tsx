import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { problemText } from '../../shared/api/problem';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { useUrlNumbers } from '../../shared/lib/useUrlNumbers';
import { useCan, useMe } from '../auth';
import { CourtTreeSelect } from '../org';
import { useCourtrooms, useHearings } from './api';
import { HearingDrawer } from './HearingDrawer';
import { ScheduleHearingModal, type ScheduleTarget } from './ScheduleHearingModal';
import { WeekGrid } from './WeekGrid';
import { addDays, chinaParts, isIsoDate, mondayOf, todayInChina, weekDays } from './week';

/**
 * 庭审排期: a court's week of hearings, one row per room (its tribunals' rooms included). Those who
 * schedule book a hearing from here (a case chosen by its number), also straight into a room's day.
 * The open hearing is in the URL (`?hearing=`), so a clash can link to it.
 */
export default function HearingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: me } = useMe();
  const can = useCan();
  const [{ courtId: urlCourt, hearing: open }, setUrl] = useUrlNumbers('courtId', 'hearing');
  const [params, setParams] = useSearchParams();
  const [target, setTarget] = useState<ScheduleTarget | null>(null);

  const today = todayInChina();
  const week = params.get('week');
  const monday = mondayOf(isIsoDate(week) ? week : today);
  const days = weekDays(monday);
  const courtId = urlCourt ?? me?.court.id;
  const rooms = useCourtrooms(courtId);
  const hearings = useHearings(courtId, days[0], days[6]);

  const goTo = (date: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (mondayOf(date) === mondayOf(today)) next.delete('week');
        else next.set('week', mondayOf(date));
        return next;
      },
      { replace: true },
    );
  const error = rooms.error ?? hearings.error;

  return (
    <Page
      testId="page-hearings"
      title={t('hearings.title')}
      description={t('hearings.description')}
      extra={
        <>
          <CourtTreeSelect
            data-testid="hearings-court"
            value={courtId ?? null}
            onChange={(value) => setUrl({ courtId: value })}
            style={{ minWidth: 280 }}
          />
          {can('hearing.schedule') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'schedule' })} data-testid="hearings-schedule">
              {t('hearings.schedule.open')}
            </Button>
          )}
        </>
      }
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Button icon={<LeftOutlined />} onClick={() => goTo(addDays(monday, -7))} data-testid="hearings-prev-week">
            {t('hearings.prevWeek')}
          </Button>
          <Button onClick={() => goTo(today)} data-testid="hearings-this-week">
            {t('hearings.thisWeek')}
          </Button>
          <Button onClick={() => goTo(addDays(monday, 7))} data-testid="hearings-next-week">
            {t('hearings.nextWeek')}
            <RightOutlined />
          </Button>
          <DatePicker
            picker="week"
            allowClear={false}
            value={dayjs(monday)}
            onChange={(value) => value && goTo(value.format('YYYY-MM-DD'))}
            aria-label={t('hearings.week')}
          />
        </Space>
        <Typography.Text type="secondary" data-testid="hearings-total">
          {t('hearings.weekRange', { from: days[0], to: days[6] })} · {t('hearings.count', { count: hearings.data?.total ?? 0 })}
        </Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon message={problemText(error, lang)} style={{ marginBottom: 12 }} />}
      {hearings.data && hearings.data.total > hearings.data.items.length && (
        <Alert
          type="warning"
          showIcon
          message={t('hearings.truncated', { shown: hearings.data.items.length })}
          style={{ marginBottom: 12 }}
        />
      )}
      <WeekGrid
        days={days}
        today={today}
        rooms={rooms.data?.items ?? []}
        hearings={hearings.data?.items ?? []}
        loading={rooms.isPending || hearings.isFetching}
        onOpen={(h) => setUrl({ hearing: h.id })}
        onSlot={can('hearing.schedule') ? (room, day) => setTarget({ mode: 'schedule', courtroomId: room.id, date: day }) : undefined}
      />
      <HearingDrawer id={open ?? null} onClose={() => setUrl({ hearing: null })} />
      <ScheduleHearingModal target={target} onClose={() => setTarget(null)} onDone={(h) => goTo(chinaParts(h.startsAt).date)} />
    </Page>
  );
}
