import { CALENDAR_DAY_KINDS, CALENDAR_NAME_MAX, type CalendarDay, type CalendarDayKind } from '@courtassist/contracts';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { usePutDay } from './api';
import { isWeekend } from './dates';

export const DATE_FORMAT = 'YYYY-MM-DD';

export type DayModalState = { mode: 'create'; day?: string } | { mode: 'edit'; entry: CalendarDay };

interface DayFormModalProps {
  state: DayModalState | null;
  year: number;
  /** The year's listed days: a new date must not be one of them. */
  listed: ReadonlySet<string>;
  onClose: () => void;
}

interface FormValues {
  day: Dayjs;
  kind: CalendarDayKind;
  name: string;
}

/** Lists a day as a holiday or an adjusted working day, or changes a listed one. */
export function DayFormModal({ state, year, listed, onClose }: DayFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const put = usePutDay();
  const onSaveError = useSaveErrorHandler();
  const editing = state?.mode === 'edit' ? state.entry : null;

  useEffect(() => {
    if (state?.mode === 'edit') {
      const { day, kind, name } = state.entry;
      form.setFieldsValue({ day: dayjs(day), kind, name });
    } else if (state?.mode === 'create') {
      const day = state.day ? dayjs(state.day) : undefined;
      // A weekend date picked on the grid is most likely an adjusted working day.
      form.setFieldsValue({ day, kind: state.day && isWeekend(state.day) ? 'workday' : 'holiday' });
    }
  }, [state, form]);

  const submit = (values: FormValues) => {
    const day = values.day.format(DATE_FORMAT);
    put.mutate(
      { day, kind: values.kind, name: values.name.trim(), version: editing?.version },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => {
          if (onSaveError(error, form)) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={!!state}
      title={editing ? t('calendar.editTitle', { day: editing.day }) : t('calendar.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="calendar-day-form">
        <Form.Item
          name="day"
          label={t('calendar.day')}
          rules={[
            { required: true, message: t('calendar.dayRequired') },
            {
              validator: (_, value: Dayjs | undefined) =>
                !editing && value && listed.has(value.format(DATE_FORMAT))
                  ? Promise.reject(new Error(t('calendar.exists')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            format={DATE_FORMAT}
            disabled={!!editing}
            style={{ width: '100%' }}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            disabledDate={(d) => d.year() !== year}
            data-testid="calendar-day-date"
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('calendar.kind')}
          dependencies={['day']}
          rules={[
            { required: true, message: t('calendar.kindRequired') },
            ({ getFieldValue }) => ({
              validator: (_, kind: CalendarDayKind | undefined) => {
                const day = getFieldValue('day') as Dayjs | undefined;
                return kind === 'workday' && day && !isWeekend(day.format(DATE_FORMAT))
                  ? Promise.reject(new Error(t('calendar.workdayOnWeekend')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={CALENDAR_DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          extra={t('calendar.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }, { max: CALENDAR_NAME_MAX }]}
        >
          <Input maxLength={CALENDAR_NAME_MAX} data-testid="calendar-day-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
