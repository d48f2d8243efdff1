import { type CaseDetail, DELIVERY_CALL_OUTCOMES, type DeliveryCallOutcome } from '@courtassist/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { MOMENT_FORMAT } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { useLogCall } from './api';
import { callOutcomeName, roleName } from './labels';

interface Values {
  partyId?: number;
  calledAt: Dayjs;
  outcome: DeliveryCallOutcome;
  followUp?: string;
}

/** Logs one call of the delivery hotline: with whom, when, how it went and what follows. */
export function CallModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const showProblem = useProblemHandler();
  const log = useLogCall();
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) =>
    log.mutate(
      {
        caseId: detail.id,
        partyId: values.partyId ?? null,
        calledAt: values.calledAt.toISOString(),
        outcome: values.outcome,
        followUp: values.followUp ?? '',
      },
      {
        onSuccess: () => {
          message.success(t('delivery.hotline.saved'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('delivery.hotline.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: log.isPending, 'data-testid': 'call-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ calledAt: dayjs() }} onFinish={submit}>
        <Form.Item name="partyId" label={t('delivery.hotline.party')}>
          <Select
            allowClear
            placeholder={t('delivery.hotline.noParty')}
            data-testid="call-party"
            options={detail.parties.map((p) => ({ value: p.id, label: `${p.name}（${roleName(p.role, lang)}）` }))}
          />
        </Form.Item>
        <Form.Item name="calledAt" label={t('delivery.hotline.calledAt')} rules={[{ required: true }]}>
          <DatePicker showTime format={MOMENT_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="outcome" label={t('delivery.hotline.outcome')} rules={[{ required: true }]}>
          <Select data-testid="call-outcome" options={DELIVERY_CALL_OUTCOMES.map((o) => ({ value: o, label: callOutcomeName(o, lang) }))} />
        </Form.Item>
        <Form.Item name="followUp" label={t('delivery.hotline.followUp')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="call-follow-up" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
