import {
  DELIVERY_METHODS,
  type DeliveryMethod,
  type DeliveryOutcome,
  type DeliveryTaskDetail,
  POSTAL_RETURN_STATUSES,
  type PostalReturnStatus,
} from '@courtassist/contracts';
import { App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { MOMENT_FORMAT } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { useMe } from '../auth';
import { useRecordAttempt } from './api';
import { DATE_FORMAT, methodName, OUTCOMES_OF, outcomeName, postalStatusName } from './labels';

interface Values {
  method: DeliveryMethod;
  outcome: DeliveryOutcome;
  attemptedAt: Dayjs;
  person: string;
  trackingNumber?: string;
  postalReturnStatus?: PostalReturnStatus;
  electronicAddress?: string;
  readAt?: Dayjs | null;
  publishedOn?: Dayjs | null;
  entrustedCourt?: string;
  note?: string;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Only the fields of the chosen method go to the API. */
function toRequest(values: Values, version: number) {
  const { method } = values;
  return {
    version,
    method,
    outcome: values.outcome,
    attemptedAt: values.attemptedAt.toISOString(),
    person: values.person,
    note: values.note ?? '',
    ...(method === 'postal' && { trackingNumber: blank(values.trackingNumber), postalReturnStatus: values.postalReturnStatus }),
    ...(method === 'electronic' && { electronicAddress: blank(values.electronicAddress), readAt: values.readAt?.toISOString() }),
    ...(method === 'announcement' && { publishedOn: values.publishedOn?.format(DATE_FORMAT) }),
    ...(method === 'entrusted' && { entrustedCourt: blank(values.entrustedCourt) }),
  };
}

/** 登记送达: the method first, then only the outcomes and fields that method has. */
export function AttemptForm({ task }: { task: DeliveryTaskDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const me = useMe().data;
  const onSaveError = useSaveErrorHandler();
  const record = useRecordAttempt(task.id);
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form) ?? task.suggestion?.method ?? 'postal';
  const initial = {
    method: task.suggestion?.method ?? 'postal',
    attemptedAt: dayjs(),
    person: me?.displayName ?? '',
    electronicAddress: task.electronicAddress ?? undefined,
  };

  const submit = (values: Values) =>
    record.mutate(toRequest(values, task.version), {
      onSuccess: (next) => {
        message.success(t('delivery.attempt.saved'));
        // The next attempt starts from the step now suggested, at the current time.
        form.resetFields();
        form.setFieldsValue({ method: next.suggestion?.method ?? values.method, attemptedAt: dayjs() });
      },
      onError: (error) => onSaveError(error, form),
    });

  const text = (name: keyof Values, testId: string, max: number) => (
    <Form.Item name={name} label={t(`delivery.attempt.${name}`)} rules={[{ required: true, whitespace: true }]}>
      <Input maxLength={max} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="delivery-attempt-form">
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="method" label={t('delivery.attempt.method')} rules={[{ required: true }]}>
            <Select
              data-testid="attempt-method"
              options={DELIVERY_METHODS.map((m) => ({ value: m, label: methodName(m, lang) }))}
              onChange={() => form.setFieldValue('outcome', undefined)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="outcome" label={t('delivery.attempt.outcome')} rules={[{ required: true }]}>
            <Select data-testid="attempt-outcome" options={OUTCOMES_OF[method].map((o) => ({ value: o, label: outcomeName(o, lang) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="attemptedAt" label={t('delivery.attempt.attemptedAt')} rules={[{ required: true }]}>
            <DatePicker showTime format={MOMENT_FORMAT} style={{ width: '100%' }} data-testid="attempt-at" />
          </Form.Item>
        </Col>
        <Col span={12}>{text('person', 'attempt-person', 50)}</Col>
        {method === 'postal' && (
          <>
            <Col span={12}>{text('trackingNumber', 'attempt-tracking', 30)}</Col>
            <Col span={12}>
              <Form.Item name="postalReturnStatus" label={t('delivery.attempt.postalReturnStatus')}>
                <Select
                  allowClear
                  data-testid="attempt-postal-status"
                  options={POSTAL_RETURN_STATUSES.map((s) => ({ value: s, label: postalStatusName(s, lang) }))}
                />
              </Form.Item>
            </Col>
          </>
        )}
        {method === 'electronic' && (
          <>
            <Col span={12}>
              <Form.Item
                name="electronicAddress"
                label={t('delivery.attempt.electronicAddress')}
                extra={t('delivery.attempt.electronicHint')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={120} data-testid="attempt-electronic-address" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="readAt" label={t('delivery.attempt.readAt')}>
                <DatePicker showTime format={MOMENT_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {method === 'announcement' && (
          <Col span={12}>
            <Form.Item name="publishedOn" label={t('delivery.attempt.publishedOn')} rules={[{ required: true }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="attempt-published-on" />
            </Form.Item>
          </Col>
        )}
        {method === 'entrusted' && <Col span={12}>{text('entrustedCourt', 'attempt-entrusted-court', 60)}</Col>}
        <Col span={24}>
          <Form.Item name="note" label={t('delivery.attempt.note')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="attempt-note" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="attempt-submit">
        {t('delivery.attempt.submit')}
      </Button>
    </Form>
  );
}
