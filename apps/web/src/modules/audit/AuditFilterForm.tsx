import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MOMENT_FORMAT } from '../../shared/lib/format';
import type { AuditFilters } from './api';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, useAuditLabels } from './labels';

interface FormValues {
  entityType?: string;
  entityId?: string;
  actorId?: number | null;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface AuditFilterFormProps {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

function toFilters(values: FormValues): AuditFilters {
  const [from, to] = values.range ?? [];
  return {
    entityType: values.entityType?.trim() || undefined,
    entityId: values.entityId?.trim() || undefined,
    actorId: values.actorId ?? undefined,
    action: values.action?.trim() || undefined,
    from: from ? from.format() : undefined,
    to: to ? to.format() : undefined,
  };
}

/** Filters of the audit trail; applied on 查询, cleared on 重置. */
export function AuditFilterForm({ value, onChange }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [form] = Form.useForm<FormValues>();

  // Filters set from the table (clicking an actor or a record) show up in the form.
  useEffect(() => {
    form.setFieldsValue({
      entityType: value.entityType,
      entityId: value.entityId,
      actorId: value.actorId ?? null,
      action: value.action,
    });
  }, [form, value.entityType, value.entityId, value.actorId, value.action]);

  return (
    <Form<FormValues> form={form} layout="inline" onFinish={(values) => onChange(toFilters(values))} style={{ rowGap: 12 }}>
      <Form.Item name="entityType" label={t('audit.entity')}>
        <AutoComplete
          allowClear
          style={{ width: 160 }}
          placeholder={t('audit.entityTypePlaceholder')}
          options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: `${labels.entity(type)} (${type})` }))}
          filterOption={(input, option) => !!option && `${option.label}`.toLowerCase().includes(input.toLowerCase())}
        />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.actorId')}>
        <InputNumber min={1} precision={0} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <AutoComplete
          allowClear
          style={{ width: 160 }}
          placeholder={t('audit.actionPlaceholder')}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: `${labels.action(action)} (${action})` }))}
          filterOption={(input, option) => !!option && `${option.label}`.toLowerCase().includes(input.toLowerCase())}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker showTime format={MOMENT_FORMAT} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
