import type { CaseDetail } from '@courtassist/contracts';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useLang } from '../../../shared/lib/lang';
import { useCase } from '../../cases';
import { useIssueSupervision } from './api';
import { CasePicker } from './CasePicker';
import { beforeChinaToday, chinaToday } from './dates';
import { RecipientSelect } from './RecipientSelect';

interface FormValues {
  caseId?: number;
  recipientId?: number;
  dueOn?: Dayjs;
  text?: string;
}

interface IssueModalProps {
  open: boolean;
  onClose: () => void;
  /** The case being supervised (the case page); without it the supervisor picks one by its number. */
  kase?: CaseDetail;
}

/** A week gives the recipient time to act; the supervisor changes it as needed. */
const DEFAULT_DAYS = 7;

/** 督办: a supervisor orders someone who can see the case to act by a date. */
export function IssueModal({ open, onClose, kase }: IssueModalProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const issue = useIssueSupervision();
  const onSaveError = useSaveErrorHandler();
  const pickedId = Form.useWatch('caseId', form);
  const picked = useCase(kase ? 0 : (pickedId ?? 0));
  const target = kase ?? picked.data;

  useEffect(() => {
    if (open) form.setFieldsValue({ dueOn: dayjs(chinaToday()).add(DEFAULT_DAYS, 'day') });
  }, [open, form]);

  const submit = (values: FormValues) => {
    if (!target) return;
    issue.mutate(
      {
        caseId: target.id,
        recipientId: values.recipientId as number,
        dueOn: (values.dueOn as Dayjs).format('YYYY-MM-DD'),
        text: (values.text ?? '').trim(),
      },
      {
        onSuccess: () => {
          message.success(t('supervision.issue.done'));
          onClose();
        },
        onError: (error) => onSaveError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={kase ? t('supervision.issue.titleOf', { caseNumber: kase.caseNumber }) : t('supervision.issue.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('supervision.issue.action')}
      okButtonProps={{ 'data-testid': 'issue-submit' }}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        // Another case, another team: the recipient chosen for the previous case no longer applies.
        onValuesChange={(changed) => {
          if ('caseId' in changed) form.setFieldValue('recipientId', undefined);
        }}
        data-testid="issue-form"
      >
        {!kase && (
          <Form.Item
            name="caseId"
            label={t('supervision.issue.case')}
            rules={[{ required: true, message: t('supervision.issue.caseRequired') }]}
          >
            <CasePicker />
          </Form.Item>
        )}
        {!kase && picked.isError && <Alert type="error" showIcon message={problemText(picked.error, lang)} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="recipientId"
          label={t('supervision.issue.recipient')}
          rules={[{ required: true, message: t('supervision.issue.recipientRequired') }]}
        >
          <RecipientSelect kase={target} />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('supervision.issue.dueOn')}
          extra={t('supervision.issue.dueOnHint')}
          rules={[{ required: true, message: t('supervision.issue.dueOnRequired') }]}
        >
          <DatePicker format="YYYY-MM-DD" disabledDate={beforeChinaToday} style={{ width: '100%' }} data-testid="issue-due-on" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('supervision.issue.text')}
          rules={[
            { required: true, whitespace: true, message: t('supervision.issue.textRequired') },
            { min: 2, message: t('supervision.issue.textMin') },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('supervision.issue.textPlaceholder')}
            data-testid="issue-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
