import type { CaseDetail } from '@courtassist/contracts';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssignCase } from '../../api';
import { JudgeSelect } from '../../components/JudgeSelect';
import { useActionError } from './useActionError';

interface FormValues {
  mode: 'auto' | 'manual';
  judgeId?: number;
  reason?: string;
}

/**
 * 分案: a weighted draw among the eligible judges of the right division, or a manual choice with
 * a reason. An open case can only be re-assigned manually.
 */
export function AssignModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const assign = useAssignCase();
  const { onError, notice } = useActionError(form, onClose, open);
  const reassign = detail.status === 'open';
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    if (open) form.setFieldsValue({ mode: reassign ? 'manual' : 'auto' });
  }, [open, reassign, form]);

  const submit = (values: FormValues) => {
    const body =
      values.mode === 'auto'
        ? { id: detail.id, mode: 'auto' as const, version: detail.version }
        : {
            id: detail.id,
            mode: 'manual' as const,
            judgeId: values.judgeId as number,
            reason: (values.reason ?? '').trim(),
            version: detail.version,
          };
    assign.mutate(body, {
      onSuccess: (result) => {
        message.success(t('cases.assign.done', { judge: result.judgeName ?? '' }));
        onClose();
      },
      onError,
    });
  };

  return (
    <Modal
      open={open}
      title={t(reassign ? 'cases.assign.reassignTitle' : 'cases.assign.title', { caseNumber: detail.caseNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={mode === 'auto' ? t('cases.assign.draw') : t('cases.assign.confirm')}
      okButtonProps={{ 'data-testid': 'assign-submit' }}
      confirmLoading={assign.isPending}
      destroyOnHidden
      width={560}
    >
      {notice}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ mode: reassign ? 'manual' : 'auto' }}
      >
        <Form.Item name="mode" label={t('cases.assign.method')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'auto', label: <span data-testid="assign-auto">{t('cases.assign.auto')}</span>, disabled: reassign },
              { value: 'manual', label: <span data-testid="assign-manual">{t('cases.assign.manual')}</span> },
            ]}
          />
        </Form.Item>
        {mode === 'manual' ? (
          <>
            <Form.Item name="judgeId" label={t('cases.field.judge')} rules={[{ required: true, message: t('cases.assign.judgeRequired') }]}>
              <JudgeSelect
                courtId={detail.courtId}
                disabledIds={[...detail.recusals.map((r) => r.judgeId), ...(detail.judgeId ? [detail.judgeId] : [])]}
                data-testid="assign-judge"
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('cases.assign.reason')}
              rules={[
                { required: true, whitespace: true, message: t('cases.assign.reasonRequired') },
                { min: 2, message: t('cases.assign.reasonRequired') },
                { max: 500 },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={500}
                showCount
                placeholder={t('cases.assign.reasonPlaceholder')}
                data-testid="assign-reason"
              />
            </Form.Item>
          </>
        ) : (
          <Alert type="info" showIcon message={t('cases.assign.autoHint')} />
        )}
      </Form>
    </Modal>
  );
}
