import type { DefectView } from '@courtassist/contracts';
import { App, type ButtonProps, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { useWaiveDefect } from './api';

interface WaiveModalProps {
  defect: DefectView | null;
  onClose: () => void;
}

/** 豁免: accepts an open defect with a reason; the server's refusal shows on the field. */
export function WaiveModal({ defect, onClose }: WaiveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const waive = useWaiveDefect();
  const onError = useSaveErrorHandler();

  const submit = async ({ reason }: { reason: string }) => {
    if (!defect) return;
    try {
      await waive.mutateAsync({ id: defect.id, version: defect.version, reason });
      message.success(t('inspection.waive.done'));
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <Modal
      open={defect !== null}
      title={defect && t('inspection.waive.title', { caseNumber: defect.caseNumber })}
      okText={t('inspection.waive.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: waive.isPending, 'data-testid': 'waive-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="waive-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="reason" label={t('inspection.waive.reason')}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('inspection.waive.reasonPlaceholder')} data-testid="waive-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
