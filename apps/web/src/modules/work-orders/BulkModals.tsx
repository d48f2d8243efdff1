import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { type BulkResult, useBulkDispatch, useBulkReturn } from './api';
import { MemberSelect } from './MemberSelect';

interface BulkProps {
  open: boolean;
  ids: number[];
  onClose: () => void;
  onDone: (result: BulkResult) => void;
}

/** 派单: every chosen order to one member of the team. */
export function DispatchModal({ open, ids, teamId, onClose, onDone }: BulkProps & { teamId: number | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ assigneeId: number }>();
  const dispatch = useBulkDispatch();
  const onError = useProblemHandler();
  const submit = ({ assigneeId }: { assigneeId: number }) =>
    dispatch.mutate({ ids, assigneeId }, { onSuccess: onDone, onError: (error) => onError(error, form) });
  return (
    <Modal
      open={open}
      title={t('workOrders.bulk.dispatchTitle', { count: ids.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('workOrders.pool.dispatch')}
      okButtonProps={{ 'data-testid': 'dispatch-submit' }}
      confirmLoading={dispatch.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="assigneeId"
          label={t('workOrders.bulk.assignee')}
          rules={[{ required: true, message: t('workOrders.bulk.assigneeRequired') }]}
        >
          <MemberSelect teamId={teamId} testId="dispatch-assignee" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 退回: every chosen order back to its initiator, with one reason. */
export function ReturnManyModal({ open, ids, onClose, onDone }: BulkProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const bulkReturn = useBulkReturn();
  const onError = useProblemHandler();
  const submit = ({ reason }: { reason: string }) =>
    bulkReturn.mutate({ ids, reason: reason.trim() }, { onSuccess: onDone, onError: (error) => onError(error, form) });
  return (
    <Modal
      open={open}
      title={t('workOrders.bulk.returnTitle', { count: ids.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('workOrders.pool.return')}
      okButtonProps={{ danger: true, 'data-testid': 'return-many-submit' }}
      confirmLoading={bulkReturn.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('workOrders.bulk.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('workOrders.bulk.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('workOrders.bulk.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
