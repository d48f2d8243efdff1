import {
  type CreateNetworkTaskRequest,
  DELIVERY_DOCUMENT_NAMES,
  type DeliveryDocumentKind,
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_KINDS,
  type NetworkTaskKind,
} from '@courtassist/contracts';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, Modal, Select, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useBilingual } from '../../../shared/lib/lang';
import { useAssignTask, useSuggestions } from './api';

export interface AssistedDeliverySource {
  id: number;
  partyName: string;
  documentKind: DeliveryDocumentKind;
  address: string | null;
}

interface Values {
  kind: NetworkTaskKind;
  stationId?: number;
  assistantId: number;
  caseId?: number;
  title: string;
  instructions?: string;
  dueOn: Dayjs;
}

/**
 * 派发任务: choose the kind, the station (optional) and the assistant — the system's suggestions
 * with their reasons come first — the title, instructions and due date. Opened from a delivery
 * task (协助送达) it is an assisted delivery of that task.
 */
export function AssignDialog({ open, onClose, delivery }: { open: boolean; onClose: () => void; delivery?: AssistedDeliverySource }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useSaveErrorHandler();
  const assign = useAssignTask();
  const kind = Form.useWatch('kind', form) ?? (delivery ? 'delivery' : 'mediation');
  const stationId = Form.useWatch('stationId', form);
  const assistantId = Form.useWatch('assistantId', form);
  const [address, setAddress] = useState('');
  const base = { kind, deliveryTaskId: delivery?.id, address: delivery ? undefined : address.trim() || undefined };
  const all = useSuggestions({ ...base, limit: 100 }, open);
  const byStation = useSuggestions({ ...base, stationId, limit: 100 }, open && stationId !== undefined);
  const current = stationId !== undefined ? byStation : all;
  const suggestions = current.data?.suggestions ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setAddress('');
    form.setFieldsValue({
      kind: delivery ? 'delivery' : 'mediation',
      title: delivery ? t('networkTasks.form.defaultTitle', { document: text(DELIVERY_DOCUMENT_NAMES[delivery.documentKind]) }) : '',
      dueOn: dayjs().add(3, 'day'),
    });
  }, [open, delivery, form, t, text]);

  const submit = (values: Values) => {
    const body: CreateNetworkTaskRequest = {
      kind: values.kind,
      assistantId: values.assistantId,
      stationId: values.stationId ?? null,
      deliveryTaskId: delivery?.id ?? null,
      caseId: delivery ? null : (values.caseId ?? null),
      partyId: null,
      title: values.title,
      instructions: values.instructions ?? '',
      dueOn: values.dueOn.format('YYYY-MM-DD'),
    };
    assign.mutate(body, {
      onSuccess: (task) => {
        message.success(t('networkTasks.form.assigned', { name: task.assistantName }));
        onClose();
      },
      onError: (error) => onError(error, form),
    });
  };

  return (
    <Modal
      open={open}
      title={delivery ? `${t('networkTasks.assignAssisted')} · ${delivery.partyName}` : t('networkTasks.assign')}
      width={720}
      onCancel={onClose}
      okText={t('networkTasks.form.submit')}
      okButtonProps={{ loading: assign.isPending, 'data-testid': 'assign-submit' } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="assign-form">
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('networkTasks.form.kind')} style={{ width: 200 }} rules={[{ required: true }]}>
            <Select
              disabled={!!delivery}
              data-testid="assign-kind"
              options={NETWORK_TASK_KINDS.filter((k) => (delivery ? k === 'delivery' : k !== 'delivery')).map((k) => ({
                value: k,
                label: text(NETWORK_TASK_KIND_NAMES[k]),
              }))}
            />
          </Form.Item>
          <Form.Item name="stationId" label={t('networkTasks.form.station')} style={{ flex: 1, minWidth: 220 }}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('networkTasks.form.stationAny')}
              data-testid="assign-station"
              onChange={() => form.setFieldValue('assistantId', undefined)}
              options={(all.data?.stations ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          {!delivery && (
            <Form.Item name="caseId" label={t('networkTasks.form.caseId')} style={{ width: 160 }}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Flex>
        {!delivery && (
          <Form.Item label={t('networkTasks.drawer.address')}>
            <Input value={address} onChange={(e) => setAddress(e.target.value)} maxLength={200} />
          </Form.Item>
        )}
        <Card size="small" title={t('networkTasks.form.suggestions')} style={{ marginBottom: 16 }} data-testid="assign-suggestions">
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {current.data?.address
              ? t('networkTasks.form.suggestionsFor', { address: current.data.address })
              : t('networkTasks.form.noAddress')}
          </Typography.Text>
          {current.isPending && <Spin />}
          {!current.isPending && suggestions.length === 0 && <Empty description={t('networkTasks.form.noSuggestion')} />}
          <Flex vertical gap={8}>
            {suggestions.slice(0, 5).map((s) => (
              <Flex
                key={s.assistantId}
                justify="space-between"
                align="center"
                gap={12}
                style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 10px' }}
                data-testid={`suggestion-${s.assistantId}`}
              >
                <Flex vertical gap={2}>
                  <span>
                    <Typography.Text strong>{s.name}</Typography.Text>{' '}
                    <Tag color="blue">{t('networkTasks.form.score', { score: s.score })}</Tag>
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.reasons.map((r) => text(r)).join(t('common.listSeparator'))}
                  </Typography.Text>
                </Flex>
                <Button
                  size="small"
                  type={assistantId === s.assistantId ? 'primary' : 'default'}
                  onClick={() => form.setFieldValue('assistantId', s.assistantId)}
                >
                  {assistantId === s.assistantId ? t('networkTasks.form.picked') : t('networkTasks.form.pick')}
                </Button>
              </Flex>
            ))}
          </Flex>
          {(current.data?.excluded.length ?? 0) > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
              {t('networkTasks.form.excluded', { count: current.data?.excluded.length })}
            </Typography.Text>
          )}
        </Card>
        <Form.Item name="assistantId" label={t('networkTasks.form.assistant')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="assign-assistant"
            options={suggestions.map((s) => ({
              value: s.assistantId,
              label: `${s.name}（${t('networkTasks.form.score', { score: s.score })}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('networkTasks.form.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="assign-title" />
        </Form.Item>
        <Form.Item name="instructions" label={t('networkTasks.form.instructions')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('networkTasks.form.dueOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="assign-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
