import {
  LIMIT_CHANGE_KINDS,
  LIMIT_DEDUCTION_KINDS,
  type LimitChangeView,
  MAX_EXTENSION_DAYS,
  MAX_EXTENSION_MONTHS,
} from '@courtassist/contracts';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestLimitChange } from './api';
import { DATE_FORMAT, useLimitLabels } from './labels';
import { busyKinds, type RequestFormValues, requestBody } from './requestBody';
import { useLimitError } from './useLimitError';

export interface LimitCase {
  id: number;
  caseNumber: string;
  filedOn: string;
  deadlineOn: string | null;
}

interface RequestModalProps {
  kase: LimitCase;
  changes: readonly LimitChangeView[];
  open: boolean;
  onClose: () => void;
}

/** 申请延长 / 扣除 / 中止: one form, its fields by the kind chosen; the server's refusals land on the fields. */
export function RequestModal({ kase, changes, open, onClose }: RequestModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLimitLabels();
  const [form] = Form.useForm<RequestFormValues>();
  const request = useRequestLimitChange();
  const onError = useLimitError(form, onClose);
  const kind = Form.useWatch('kind', form);
  const unit = Form.useWatch('unit', form);
  const busy = useMemo(() => busyKinds(changes), [changes]);
  // The form is rebuilt at each opening (destroyOnHidden), so these apply every time.
  const initialValues: RequestFormValues = { kind: LIMIT_CHANGE_KINDS.find((k) => !busy[k]) ?? 'deduction', unit: 'months' };
  const busyText = LIMIT_CHANGE_KINDS.flatMap((k) => (busy[k] ? [t(`limits.request.${busy[k]}`, { kind: labels.kind(k) })] : [])).join(
    t('common.listSeparator'),
  );

  const submit = (values: RequestFormValues) =>
    request.mutate(
      { caseId: kase.id, body: requestBody(values) },
      {
        onSuccess: () => {
          message.success(t('limits.request.done'));
          onClose();
        },
        onError,
      },
    );

  const date = (testId: string) => <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid={testId} />;
  const dateRule = [{ required: true, message: t('limits.request.dateRequired') }];

  return (
    <Modal
      open={open}
      title={t('limits.request.title', { caseNumber: kase.caseNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('limits.request.submit')}
      okButtonProps={{ 'data-testid': 'limit-request-submit' }}
      confirmLoading={request.isPending}
      width={560}
      destroyOnHidden
    >
      {kase.deadlineOn && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('limits.request.deadlineNow', { date: kase.deadlineOn })} />
      )}
      <Form<RequestFormValues> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues}>
        <Form.Item name="kind" label={t('limits.request.kind')} rules={[{ required: true }]} extra={busyText || undefined}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="limit-request-kind">
            {LIMIT_CHANGE_KINDS.map((k) => (
              <Radio.Button key={k} value={k} disabled={!!busy[k]}>
                {labels.kind(k)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>

        {kind === 'extension' && (
          <Form.Item label={t('limits.request.unit')} required extra={t('limits.request.extensionHint')}>
            <Space.Compact block>
              <Form.Item name="unit" noStyle>
                <Select
                  style={{ width: 110 }}
                  options={[
                    { value: 'months', label: t('limits.request.byMonths') },
                    { value: 'days', label: t('limits.request.byDays') },
                  ]}
                  data-testid="limit-request-unit"
                />
              </Form.Item>
              <Form.Item
                name={unit === 'days' ? 'days' : 'months'}
                noStyle
                rules={[{ required: true, message: t('limits.request.lengthRequired') }]}
              >
                <InputNumber
                  min={1}
                  max={unit === 'days' ? MAX_EXTENSION_DAYS : MAX_EXTENSION_MONTHS}
                  precision={0}
                  style={{ width: '100%' }}
                  addonAfter={unit === 'days' ? t('limits.request.days') : t('limits.request.months')}
                  data-testid="limit-request-length"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        )}

        {kind === 'deduction' && (
          <>
            <Form.Item
              name="deductionKind"
              label={t('limits.request.deductionKind')}
              extra={t('limits.request.deductionHint', { filedOn: kase.filedOn })}
              rules={[{ required: true, message: t('limits.request.deductionKindRequired') }]}
            >
              <Select
                options={LIMIT_DEDUCTION_KINDS.map((k) => ({ value: k, label: labels.deductionKind(k) }))}
                data-testid="limit-request-deduction-kind"
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="fromOn" label={t('limits.request.fromOn')} rules={dateRule}>
                  {date('limit-request-from')}
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="toOn" label={t('limits.request.toOn')} rules={dateRule}>
                  {date('limit-request-to')}
                </Form.Item>
              </Col>
            </Row>
          </>
        )}

        {kind === 'suspension' && (
          <Form.Item name="fromOn" label={t('limits.request.suspendedFrom')} rules={dateRule} extra={t('limits.request.suspensionHint')}>
            {date('limit-request-from')}
          </Form.Item>
        )}

        <Form.Item
          name="reason"
          label={t('limits.request.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('limits.request.reasonRequired') }, { max: 1000 }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('limits.request.reasonPlaceholder')}
            data-testid="limit-request-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
