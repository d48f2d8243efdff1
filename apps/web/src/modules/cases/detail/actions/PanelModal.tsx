import type { CaseDetail } from '@courtassist/contracts';
import { App, Form, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCourtJudges, useSetPanel } from '../../api';
import { JudgeSelect } from '../../components/JudgeSelect';
import { useActionError } from './useActionError';

interface FormValues {
  collegial: boolean;
  memberIds: number[];
  presidingJudgeId?: number;
}

/** 合议庭: a collegial panel (the judge and at least two members, one presiding) or a single judge. */
export function PanelModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const setPanel = useSetPanel();
  const judges = useCourtJudges(detail.courtId);
  const { onError, notice } = useActionError(form, onClose, open);
  const collegial = Form.useWatch('collegial', form);
  const memberIds = (Form.useWatch('memberIds', form) ?? []) as number[];
  const judgeId = detail.judgeId as number;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      collegial: detail.collegial,
      memberIds: detail.panel.map((m) => m.userId).filter((id) => id !== judgeId),
      presidingJudgeId: detail.presidingJudgeId ?? judgeId,
    });
  }, [open, detail, judgeId, form]);

  const nameOf = (id: number) =>
    id === judgeId
      ? (detail.judgeName ?? String(id))
      : (judges.data?.find((j) => j.userId === id)?.name ?? detail.panel.find((m) => m.userId === id)?.name ?? String(id));
  const presidingOptions = [judgeId, ...memberIds].map((id) => ({ value: id, label: nameOf(id) }));

  const submit = (values: FormValues) =>
    setPanel.mutate(
      {
        id: detail.id,
        collegial: values.collegial,
        memberIds: values.collegial ? values.memberIds : [],
        presidingJudgeId: values.collegial ? (values.presidingJudgeId ?? judgeId) : judgeId,
        version: detail.version,
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError,
      },
    );

  return (
    <Modal
      open={open}
      title={t('cases.panel.title', { caseNumber: detail.caseNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={setPanel.isPending}
      destroyOnHidden
      width={560}
    >
      {notice}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="collegial"
          label={t('cases.panel.collegial')}
          valuePropName="checked"
          extra={t('cases.panel.hint', { judge: detail.judgeName ?? '' })}
        >
          <Switch checkedChildren={t('cases.panel.collegialOn')} unCheckedChildren={t('cases.panel.single')} />
        </Form.Item>
        {collegial && (
          <>
            <Form.Item
              name="memberIds"
              label={t('cases.panel.members')}
              rules={[{ type: 'array', min: 2, message: t('cases.panel.membersMin') }]}
            >
              <JudgeSelect<number[]>
                mode="multiple"
                maxCount={8}
                courtId={detail.courtId}
                disabledIds={[judgeId]}
                onChange={(ids) => {
                  const presiding = form.getFieldValue('presidingJudgeId') as number | undefined;
                  if (presiding !== undefined && presiding !== judgeId && !ids.includes(presiding))
                    form.setFieldValue('presidingJudgeId', judgeId);
                }}
              />
            </Form.Item>
            <Form.Item name="presidingJudgeId" label={t('cases.panel.presiding')} rules={[{ required: true }]}>
              <Select options={presidingOptions} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
