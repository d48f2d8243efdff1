import type { HearingDetail } from '@courtassist/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHoldHearing } from './api';
import { useHearingError } from './useHearingError';
import { chinaParts } from './week';

const noteField = (p: { field: string }) => (p.field === 'body.note' ? 'note' : null);

/** 登记已开庭: the hearing took place; a case waiting at its 开庭 node moves on. */
export function HoldHearingModal({ hearing: h, onClose }: { hearing: HearingDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const hold = useHoldHearing();
  const onError = useHearingError(form, undefined, noteField);
  const start = h ? chinaParts(h.startsAt) : null;

  const submit = ({ note }: { note?: string }) =>
    h &&
    hold.mutate(
      { id: h.id, note: note?.trim() ?? '', version: h.version },
      {
        onSuccess: () => {
          message.success(t('hearings.hold.done'));
          onClose();
        },
        onError,
      },
    );

  return (
    <Modal
      open={h !== null}
      title={t('hearings.hold.title', { caseNumber: h?.caseNumber ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('hearings.hold.submit')}
      okButtonProps={{ 'data-testid': 'hold-hearing-submit' }}
      confirmLoading={hold.isPending}
      destroyOnHidden
    >
      {h && start && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('hearings.hold.notice', { date: start.date, start: start.time, room: h.courtroomName })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="note" label={t('hearings.hold.note')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('hearings.hold.notePlaceholder')}
            data-testid="hold-hearing-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
