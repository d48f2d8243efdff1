import type { HearingDetail } from '@courtassist/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCancelHearing } from './api';
import { useHearingError } from './useHearingError';
import { chinaParts } from './week';

const reasonField = (p: { field: string }) => (p.field === 'body.reason' ? 'reason' : null);

/** 取消开庭: with a reason, which the trail keeps; the room and the people are free again. */
export function CancelHearingModal({ hearing: h, onClose }: { hearing: HearingDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelHearing();
  const onError = useHearingError(form, undefined, reasonField);
  const start = h ? chinaParts(h.startsAt) : null;

  const submit = ({ reason }: { reason: string }) =>
    h &&
    cancel.mutate(
      { id: h.id, reason, version: h.version },
      {
        onSuccess: () => {
          message.success(t('hearings.cancel.done'));
          onClose();
        },
        onError,
      },
    );

  return (
    <Modal
      open={h !== null}
      title={t('hearings.cancel.title', { caseNumber: h?.caseNumber ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('hearings.cancel.submit')}
      okButtonProps={{ danger: true, 'data-testid': 'cancel-hearing-submit' }}
      cancelText={t('hearings.cancel.keep')}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      {h && start && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('hearings.cancel.notice', { date: start.date, start: start.time, room: h.courtroomName })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('hearings.cancel.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('hearings.cancel.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('hearings.cancel.reasonPlaceholder')}
            data-testid="cancel-hearing-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
