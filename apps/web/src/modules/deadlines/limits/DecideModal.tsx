import type { LimitChangeView } from '@courtassist/contracts';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideLimitChange } from './api';
import { ChangeSummary } from './ChangeSummary';
import { useLimitError } from './useLimitError';

interface FormValues {
  decision: 'approve' | 'reject';
  comment?: string;
}

/**
 * 审批: approve or reject the step a change awaits, with a comment. `change` is read from the
 * caller's live list, so after a stale write (409) the dialog shows the reloaded change, and
 * closes when the change no longer awaits a decision.
 */
export function DecideModal({ change, onClose }: { change: LimitChangeView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const decide = useDecideLimitChange();
  const onError = useLimitError(form, onClose);
  const open = change !== null;

  useEffect(() => {
    if (open) form.setFieldsValue({ decision: 'approve' });
  }, [open, form]);

  const submit = (values: FormValues) => {
    if (!change) return;
    decide.mutate(
      { id: change.id, decision: values.decision, comment: values.comment?.trim() ?? '', version: change.version },
      {
        onSuccess: (decided) => {
          const done = { approved: 'approved', 'head-approved': 'headApproved', rejected: 'rejected' } as const;
          const key = done[decided.status as keyof typeof done] ?? 'approved';
          message.success(t(`limits.decide.${key}`));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={change ? t('limits.decide.title', { caseNumber: change.caseNumber }) : null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('limits.decide.submit')}
      okButtonProps={{ 'data-testid': 'limit-decide-submit' }}
      confirmLoading={decide.isPending}
      width={560}
      destroyOnHidden
    >
      {change && <ChangeSummary change={change} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="decision" label={t('limits.decide.decision')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="limit-decide-choice">
            <Radio.Button value="approve">{t('limits.decision.approve')}</Radio.Button>
            <Radio.Button value="reject">{t('limits.decision.reject')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('limits.decide.comment')} rules={[{ max: 1000 }]}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('limits.decide.commentPlaceholder')}
            data-testid="limit-decide-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
