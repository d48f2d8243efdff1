import type { LimitChangeView } from '@courtassist/contracts';
import { App, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useResumeSuspension } from './api';
import { chinaToday, DATE_FORMAT, toIsoDate } from './labels';
import { useLimitError } from './useLimitError';

/** 恢复审理: ends an approved suspension on its last suspended day; the deadline is recomputed. */
export function ResumeModal({ change, onClose }: { change: LimitChangeView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ on?: Dayjs }>();
  const resume = useResumeSuspension();
  const onError = useLimitError(form, onClose);
  const open = change !== null;

  useEffect(() => {
    if (open) form.setFieldsValue({ on: chinaToday() });
  }, [open, form]);

  const submit = ({ on }: { on?: Dayjs }) => {
    if (!change) return;
    resume.mutate(
      { id: change.id, on: toIsoDate(on) as string, version: change.version },
      {
        onSuccess: () => {
          message.success(t('limits.resume.done'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={change ? t('limits.resume.title', { caseNumber: change.caseNumber }) : null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('limits.resume.submit')}
      okButtonProps={{ 'data-testid': 'limit-resume-submit' }}
      confirmLoading={resume.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="on"
          label={t('limits.resume.on')}
          rules={[{ required: true, message: t('limits.resume.onRequired') }]}
          extra={t('limits.resume.hint', { from: change?.fromOn ?? '—' })}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="limit-resume-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
