import type { CaseDetail } from '@courtassist/contracts';
import { App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchiveCase } from '../../api';
import { chinaToday, DATE_FORMAT, toIsoDate } from '../../labels';
import { useActionError } from './useActionError';

/** 归档: a closed case is archived on a date between its closure and today. */
export function ArchiveModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ archivedOn?: Dayjs }>();
  const archive = useArchiveCase();
  const { onError, notice } = useActionError(form, onClose, open);
  const earliest = dayjs(detail.closedOn ?? detail.filedOn);

  useEffect(() => {
    if (open) form.setFieldsValue({ archivedOn: chinaToday() });
  }, [open, form]);

  const submit = ({ archivedOn }: { archivedOn?: Dayjs }) =>
    archive.mutate(
      { id: detail.id, archivedOn: toIsoDate(archivedOn) as string, version: detail.version },
      {
        onSuccess: () => {
          message.success(t('cases.archive.done'));
          onClose();
        },
        onError,
      },
    );

  return (
    <Modal
      open={open}
      title={t('cases.archive.title', { caseNumber: detail.caseNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.archive.action')}
      confirmLoading={archive.isPending}
      destroyOnHidden
    >
      {notice}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="archivedOn"
          label={t('cases.field.archivedOn')}
          rules={[{ required: true, message: t('cases.archive.dateRequired') }]}
          extra={t('cases.archive.dateHint', { closedOn: detail.closedOn ?? detail.filedOn })}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(earliest, 'day') || d.isAfter(chinaToday(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
