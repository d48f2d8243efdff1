import { type OrderResult, type ResultField, resultProblems, WORK_ORDER_FIELD_ERRORS, type WorkOrderDetail } from '@courtassist/contracts';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { type Lang, pickText, useLang } from '../../shared/lib/lang';
import { useRecordResult } from './api';

type Value = string | number | Dayjs | null | undefined;

interface FormValues {
  result?: Record<string, Value>;
  checklist?: Record<string, boolean>;
  note?: string;
}

const label = (lang: Lang, f: { labelZh: string; labelEn: string }) => (lang === 'en' ? f.labelEn : f.labelZh);

/** Dates travel as YYYY-MM-DD; empty inputs as null, so that the server names them as missing. */
function toResult(fields: readonly ResultField[], values: Record<string, Value> = {}): OrderResult {
  const result: OrderResult = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '') result[f.key] = null;
    else if (dayjs.isDayjs(v)) result[f.key] = v.format('YYYY-MM-DD');
    else result[f.key] = typeof v === 'string' ? v.trim() : v;
  }
  return result;
}

interface FieldInputProps {
  field: ResultField;
  lang: Lang;
  placeholder: string;
  // Given by the Form.Item around it: passed on to the input so that the form holds the value.
  id?: string;
  value?: Value;
  onChange?: (value: Value) => void;
}

function FieldInput({ field, lang, placeholder, ...control }: FieldInputProps) {
  const testId = `result-${field.key}`;
  const { id, onChange } = control;
  switch (field.kind) {
    case 'date':
      return (
        <DatePicker
          id={id}
          value={dayjs.isDayjs(control.value) ? control.value : null}
          onChange={(d) => onChange?.(d)}
          format="YYYY-MM-DD"
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    case 'number':
      return (
        <InputNumber
          id={id}
          value={typeof control.value === 'number' ? control.value : null}
          onChange={(n) => onChange?.(n)}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    case 'select':
      return (
        <Select<string>
          id={id}
          value={typeof control.value === 'string' ? control.value : undefined}
          onChange={(v) => onChange?.(v)}
          placeholder={placeholder}
          options={(field.options ?? []).map((o) => ({ value: o, label: o }))}
          data-testid={testId}
          aria-label={label(lang, field)}
        />
      );
    case 'text':
      return (
        <Input
          id={id}
          value={typeof control.value === 'string' ? control.value : ''}
          onChange={(e) => onChange?.(e.target.value)}
          maxLength={2000}
          data-testid={testId}
        />
      );
  }
}

/**
 * 反馈办理结果: the type's result fields (all required; checked with the rules the server uses)
 * and its checklist. The server's per-field refusals (`body.result.<key>`) land on the same fields.
 */
export function ResultForm({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordResult();
  const onSaveError = useSaveErrorHandler();
  const fields = order.resultFields as ResultField[];

  const initial: FormValues = {
    result: Object.fromEntries(
      fields.map((f) => {
        const v = order.result?.[f.key] ?? undefined;
        return [f.key, f.kind === 'date' && typeof v === 'string' ? dayjs(v) : v];
      }),
    ),
    checklist: order.checklist,
  };

  const submit = (values: FormValues) =>
    record.mutate(
      {
        id: order.id,
        version: order.version,
        result: toResult(fields, values.result),
        checklist: Object.fromEntries(order.checklistItems.map((i) => [i.key, !!values.checklist?.[i.key]])),
        note: (values.note ?? '').trim(),
      },
      {
        onSuccess: (saved) =>
          message.success(t(saved.status === 'completed' ? 'workOrders.result.completedAuto' : 'workOrders.result.saved')),
        onError: (error) => onSaveError(error, form),
      },
    );

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="result-form">
      {fields.map((f) => (
        <Form.Item
          key={f.key}
          name={['result', f.key]}
          label={label(lang, f)}
          required
          rules={[
            {
              validator: async (_, value: Value) => {
                const [problem] = resultProblems([f], toResult([f], { [f.key]: value }));
                if (problem) throw new Error(pickText(lang, WORK_ORDER_FIELD_ERRORS[problem.code]));
              },
            },
          ]}
        >
          <FieldInput field={f} lang={lang} placeholder={t('workOrders.result.select')} />
        </Form.Item>
      ))}
      {order.checklistItems.length > 0 && (
        <Form.Item label={t('workOrders.detail.checklist')}>
          {order.checklistItems.map((i) => (
            <Form.Item key={i.key} name={['checklist', i.key]} valuePropName="checked" noStyle>
              <Checkbox data-testid={`checklist-${i.key}`}>{label(lang, i)}</Checkbox>
            </Form.Item>
          ))}
        </Form.Item>
      )}
      <Form.Item name="note" label={t('workOrders.detail.resultNote')}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('workOrders.result.notePlaceholder')} data-testid="result-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="result-submit">
        {t('workOrders.result.submit')}
      </Button>
    </Form>
  );
}
