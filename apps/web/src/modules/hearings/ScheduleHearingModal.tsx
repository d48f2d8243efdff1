import type { CaseDetail, HearingConflict, HearingDetail, HearingKind } from '@courtassist/contracts';
import { Alert, App, Form, Modal, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useLang } from '../../shared/lib/lang';
import { useCase } from '../cases';
import { useCourtrooms, useHearing, useRescheduleHearing, useScheduleHearing } from './api';
import { CaseNumberSelect } from './CaseNumberSelect';
import { CaseSummaryLine } from './CaseSummaryLine';
import { ConflictAlert } from './ConflictAlert';
import { DATE_FORMAT, ScheduleFields, TIME_FORMAT } from './ScheduleFields';
import { rescheduleBody, type ScheduleValues, scheduleBody, valuesOf } from './schedule';
import { useHearingError } from './useHearingError';
import { chinaParts } from './week';

/** What the dialog is for: a new hearing (of a given case, or one to choose; maybe in a given slot), or moving a booked one. */
export type ScheduleTarget =
  | { mode: 'schedule'; caseId?: number; courtroomId?: number; date?: string }
  | { mode: 'reschedule'; hearingId: number };

interface FormValues {
  caseId?: number;
  courtroomId?: number;
  date?: Dayjs;
  startTime?: Dayjs;
  endTime?: Dayjs;
  kind: HearingKind;
  isPublic: boolean;
  clerkId: number | null;
  partyIds: number[];
}

const time = (hhmm: string) => dayjs(`2000-01-01T${hhmm}`);

function formValues(v: ScheduleValues): FormValues {
  return { ...v, date: dayjs(v.date), startTime: time(v.startTime), endTime: time(v.endTime) };
}

/** The form's values once its rules have passed (every required field is there). */
function scheduleValues(f: FormValues): ScheduleValues {
  return {
    courtroomId: f.courtroomId as number,
    date: (f.date as Dayjs).format(DATE_FORMAT),
    startTime: (f.startTime as Dayjs).format(TIME_FORMAT),
    endTime: (f.endTime as Dayjs).format(TIME_FORMAT),
    kind: f.kind,
    isPublic: f.isPublic,
    clerkId: f.clerkId ?? null,
    partyIds: f.partyIds ?? [],
  };
}

interface ScheduleHearingModalProps {
  target: ScheduleTarget | null;
  onClose: () => void;
  /** After a hearing was booked or moved. */
  onDone?: (hearing: HearingDetail) => void;
}

/**
 * 排期 / 改期·换庭: the room, day and hours, kind, publicity, clerk and parties summoned. A clash
 * (409) lists each room or person already booked with the hearing that holds them; nothing is
 * written then. The server's field problems land on the fields.
 */
export function ScheduleHearingModal({ target, onClose, onDone }: ScheduleHearingModalProps) {
  if (!target) return null;
  const key =
    target.mode === 'reschedule' ? `r${target.hearingId}` : `s${target.caseId ?? ''}/${target.courtroomId ?? ''}/${target.date ?? ''}`;
  return <ScheduleDialog key={key} target={target} onClose={onClose} onDone={onDone} />;
}

function ScheduleDialog({ target, onClose, onDone }: ScheduleHearingModalProps & { target: ScheduleTarget }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [conflicts, setConflicts] = useState<HearingConflict[]>([]);
  const [picked, setPicked] = useState(target.mode === 'schedule' ? target.caseId : undefined);
  const hearing = useHearing(target.mode === 'reschedule' ? target.hearingId : null);
  const caseId = target.mode === 'schedule' ? picked : hearing.data?.caseId;
  const kase = useCase(caseId ?? 0);
  const detail = caseId !== undefined && kase.data?.id === caseId ? kase.data : undefined;
  const rooms = useCourtrooms(detail?.courtId);
  const schedule = useScheduleHearing();
  const reschedule = useRescheduleHearing();
  const onError = useHearingError(form, setConflicts);
  const h = hearing.data;

  // A case chosen (or loaded): its clerk and all its parties, as the server would take them.
  useEffect(() => {
    if (target.mode === 'schedule' && detail) form.setFieldsValue({ clerkId: detail.clerkId, partyIds: detail.parties.map((p) => p.id) });
  }, [target.mode, detail, form]);
  // A room preset from the week grid that does not serve the case's court is not offered.
  useEffect(() => {
    const room = form.getFieldValue('courtroomId');
    if (rooms.data && room !== undefined && !rooms.data.items.some((r) => r.id === room)) form.setFieldValue('courtroomId', undefined);
  }, [rooms.data, form]);

  const finished = (done: HearingDetail, key: 'done' | 'rescheduled') => {
    const start = chinaParts(done.startsAt);
    message.success(
      t(`hearings.schedule.${key}`, {
        caseNumber: done.caseNumber,
        date: start.date,
        start: start.time,
        end: chinaParts(done.endsAt).time,
        room: done.courtroomName,
      }),
    );
    onDone?.(done);
    onClose();
  };

  const submit = (values: FormValues) => {
    setConflicts([]);
    const v = scheduleValues(values);
    if (target.mode === 'schedule' && caseId !== undefined) {
      schedule.mutate(scheduleBody(caseId, v), { onSuccess: (done) => finished(done, 'done'), onError });
    } else if (h) {
      const body = rescheduleBody(h, v);
      if (!body) message.info(t('hearings.schedule.unchanged'));
      else reschedule.mutate({ id: h.id, body }, { onSuccess: (done) => finished(done, 'rescheduled'), onError });
    }
  };

  // A new start pushes the end along when it would no longer follow the start.
  const onValuesChange = (changed: Partial<FormValues>, all: FormValues) => {
    if ('caseId' in changed) {
      setPicked(changed.caseId);
      setConflicts([]);
    }
    if (changed.startTime && (!all.endTime || !all.endTime.isAfter(changed.startTime)))
      form.setFieldValue('endTime', changed.startTime.add(1, 'hour'));
  };

  const title =
    target.mode === 'reschedule'
      ? t('hearings.schedule.rescheduleTitle', { caseNumber: h?.caseNumber ?? '' })
      : detail
        ? t('hearings.schedule.title', { caseNumber: detail.caseNumber })
        : t('hearings.schedule.titleNoCase');
  const loadError = hearing.error ?? (caseId !== undefined ? kase.error : null) ?? rooms.error;
  const ready = !!detail && (target.mode === 'schedule' || !!h);
  const initialValues: Partial<FormValues> =
    target.mode === 'reschedule' && h
      ? formValues(valuesOf(h))
      : {
          caseId: target.mode === 'schedule' ? target.caseId : undefined,
          courtroomId: target.mode === 'schedule' ? target.courtroomId : undefined,
          date: target.mode === 'schedule' && target.date ? dayjs(target.date) : undefined,
          startTime: time('09:00'),
          endTime: time('10:00'),
          kind: 'first',
          isPublic: true,
        };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={target.mode === 'reschedule' ? t('hearings.schedule.submitReschedule') : t('hearings.schedule.submit')}
      okButtonProps={{ disabled: !ready, 'data-testid': 'schedule-submit' }}
      confirmLoading={schedule.isPending || reschedule.isPending}
      width={680}
      destroyOnHidden
    >
      {conflicts.length > 0 && <ConflictAlert conflicts={conflicts} />}
      {loadError && <Alert type="error" showIcon message={problemText(loadError, lang)} style={{ marginBottom: 16 }} />}
      {target.mode === 'reschedule' && !h && !loadError && <Skeleton active />}
      {(target.mode === 'schedule' || h) && (
        <Form<FormValues>
          // Reloaded after someone else's change (409): the form starts again from the hearing as it is now.
          key={h?.version ?? 'new'}
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={onValuesChange}
          initialValues={initialValues}
          data-testid="schedule-form"
        >
          {target.mode === 'schedule' && !target.caseId && (
            <Form.Item
              name="caseId"
              label={t('hearings.schedule.case')}
              rules={[{ required: true, message: t('hearings.schedule.caseRequired') }]}
            >
              <CaseNumberSelect />
            </Form.Item>
          )}
          {h && <BookedNow hearing={h} />}
          {detail && <CaseSummaryLine detail={detail} />}
          {caseId !== undefined && !detail && !kase.error && <Skeleton active paragraph={{ rows: 6 }} />}
          {detail && <Fields detail={detail} hearing={h} rooms={rooms} />}
        </Form>
      )}
    </Modal>
  );
}

/** Where and when the hearing being moved is booked now. */
function BookedNow({ hearing: h }: { hearing: HearingDetail }) {
  const { t } = useTranslation();
  const start = chinaParts(h.startsAt);
  const text = t('hearings.schedule.bookedNow', {
    date: start.date,
    start: start.time,
    end: chinaParts(h.endsAt).time,
    room: h.courtroomName,
  });
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} message={text} />;
}

function Fields({ detail, hearing, rooms }: { detail: CaseDetail; hearing?: HearingDetail; rooms: ReturnType<typeof useCourtrooms> }) {
  const known = [
    ...(detail.clerkId !== null && detail.clerkName ? [{ id: detail.clerkId, name: detail.clerkName }] : []),
    ...(hearing?.clerkId && hearing.clerkName ? [{ id: hearing.clerkId, name: hearing.clerkName }] : []),
  ];
  return (
    <ScheduleFields
      detail={detail}
      rooms={rooms.data?.items ?? []}
      roomsLoading={rooms.isPending}
      knownClerks={known}
      rescheduling={hearing !== undefined}
    />
  );
}
