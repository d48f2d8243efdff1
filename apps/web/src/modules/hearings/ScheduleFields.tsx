import { ANNOUNCEMENT_FULL_DAYS, type CaseDetail, type Courtroom, HEARING_KIND_NAMES, HEARING_KINDS } from '@courtassist/contracts';
import { Checkbox, Col, DatePicker, Form, Row, Select, Switch, TimePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../shared/lib/lang';
import { ClerkSelect } from './ClerkSelect';
import { partyRoleName, roomLabel } from './labels';
import { earliestPublicDay } from './schedule';
import { todayInChina } from './week';

export const DATE_FORMAT = 'YYYY-MM-DD';
export const TIME_FORMAT = 'HH:mm';

interface ScheduleFieldsProps {
  detail: CaseDetail;
  rooms: readonly Courtroom[];
  roomsLoading: boolean;
  /** Clerks named before any search: the case's, the hearing's. */
  knownClerks: readonly { id: number; name: string }[];
  /** Moving a booked hearing: a new start (or a hearing made public) is announced again. */
  rescheduling: boolean;
}

/** Where, when and how a hearing sits, who records it and who is summoned. */
export function ScheduleFields({ detail, rooms, roomsLoading, knownClerks, rescheduling }: ScheduleFieldsProps) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const isPublic = Form.useWatch('isPublic', Form.useFormInstance());
  const today = todayInChina();
  const publicHint = t('hearings.schedule.publicHint', { days: ANNOUNCEMENT_FULL_DAYS, date: earliestPublicDay(today) });

  return (
    <>
      <Form.Item
        name="courtroomId"
        label={t('hearings.schedule.room')}
        rules={[{ required: true, message: t('hearings.schedule.roomRequired') }]}
      >
        <Select<number>
          showSearch
          optionFilterProp="label"
          loading={roomsLoading}
          options={rooms.map((r) => ({ value: r.id, label: roomLabel(r, bilingual, detail.courtId) }))}
          placeholder={t('hearings.schedule.roomPlaceholder')}
          data-testid="schedule-room"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item
            name="date"
            label={t('hearings.schedule.date')}
            rules={[{ required: true, message: t('hearings.schedule.dateRequired') }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.format(DATE_FORMAT) < today}
              data-testid="schedule-date"
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item
            name="startTime"
            label={t('hearings.schedule.start')}
            rules={[{ required: true, message: t('hearings.schedule.timeRequired') }]}
          >
            <TimePicker
              format={TIME_FORMAT}
              minuteStep={5}
              needConfirm={false}
              showNow={false}
              style={{ width: '100%' }}
              data-testid="schedule-start"
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item
            name="endTime"
            label={t('hearings.schedule.end')}
            rules={[{ required: true, message: t('hearings.schedule.timeRequired') }]}
          >
            <TimePicker
              format={TIME_FORMAT}
              minuteStep={5}
              needConfirm={false}
              showNow={false}
              style={{ width: '100%' }}
              data-testid="schedule-end"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('hearings.schedule.kind')} rules={[{ required: true }]}>
            <Select
              options={HEARING_KINDS.map((k) => ({ value: k, label: bilingual(HEARING_KIND_NAMES[k]) }))}
              data-testid="schedule-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="clerkId"
            label={t('hearings.schedule.clerk')}
            extra={detail.clerkName ? t('hearings.schedule.clerkHint', { name: detail.clerkName }) : undefined}
          >
            <ClerkSelect courtId={detail.courtId} known={knownClerks} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="isPublic"
        label={t('hearings.schedule.publicity')}
        valuePropName="checked"
        extra={
          <span data-testid="schedule-public-hint">
            {isPublic === false
              ? t('hearings.schedule.inCameraHint')
              : rescheduling
                ? `${publicHint}${t('hearings.schedule.reannounceHint')}`
                : publicHint}
          </span>
        }
      >
        <Switch
          checkedChildren={t('hearings.schedule.public')}
          unCheckedChildren={t('hearings.schedule.inCamera')}
          data-testid="schedule-public"
        />
      </Form.Item>
      <Form.Item name="partyIds" label={t('hearings.schedule.parties')} extra={t('hearings.schedule.partiesHint')}>
        <Checkbox.Group
          options={detail.parties.map((p) => ({ value: p.id, label: `${partyRoleName(p.role, bilingual)} ${p.name}` }))}
          data-testid="schedule-parties"
        />
      </Form.Item>
    </>
  );
}
