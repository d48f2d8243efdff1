import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { RESULT_FIELD_KINDS, type ResultField, type WorkOrderTypeView } from '@courtassist/contracts';
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { type CentreTeam, useCreateOrderType, useUpdateOrderType } from './api';

type Unit = 'hours' | 'workingDays';

interface FormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  teamId: number | null;
  unit: Unit;
  limitHours?: number | null;
  limitWorkingDays?: number | null;
  resultFields: (Omit<ResultField, 'options'> & { options?: string[] })[];
  checklist: { key: string; labelZh: string; labelEn: string }[];
  autoDispatch: boolean;
  autoComplete: boolean;
  active: boolean;
}

const FIELD_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;
const TYPE_CODE = /^[a-z][a-z0-9-]{1,39}$/;

/** The form of a stored type; a new one starts with the court's own centre team (null: the shared centre). */
function valuesOf(type: WorkOrderTypeView | null, defaultTeamId: number | null): FormValues {
  if (!type) {
    return {
      code: '',
      nameZh: '',
      nameEn: '',
      teamId: defaultTeamId,
      unit: 'workingDays',
      limitWorkingDays: 3,
      resultFields: [],
      checklist: [],
      autoDispatch: false,
      autoComplete: false,
      active: true,
    };
  }
  return {
    code: type.code,
    nameZh: type.nameZh,
    nameEn: type.nameEn,
    teamId: type.teamId,
    unit: type.limitHours !== null ? 'hours' : 'workingDays',
    limitHours: type.limitHours,
    limitWorkingDays: type.limitWorkingDays,
    resultFields: type.resultFields,
    checklist: type.checklist,
    autoDispatch: type.autoDispatch,
    autoComplete: type.autoComplete,
    active: type.active,
  };
}

/**
 * 新增 / 编辑工单类型 in a drawer: the fields the API checks are checked here too; the API's
 * per-field problems appear on their fields, and a stale edit (409) reloads the latest version
 * with a clear notice instead of overwriting someone else's change.
 */
export function TypeDrawer({
  open,
  courtId,
  type,
  teams,
  onClose,
}: {
  open: boolean;
  courtId: number;
  /** null: a new type. */
  type: WorkOrderTypeView | null;
  teams: CentreTeam[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrderType();
  const update = useUpdateOrderType();
  const onError = useProblemHandler();
  const [conflict, setConflict] = useState(false);
  const unit = Form.useWatch('unit', form);
  const defaultTeamId = teams.find((x) => x.courtId === courtId)?.id ?? null;

  // The form shows the type as stored, again whenever it is stored anew (saved, or reloaded after a conflict).
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(valuesOf(type, defaultTeamId));
  }, [open, type, form, defaultTeamId]);

  useEffect(() => {
    if (!open) setConflict(false);
  }, [open]);

  const submit = (values: FormValues) => {
    const body = {
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      teamId: values.teamId ?? null,
      limitHours: values.unit === 'hours' ? (values.limitHours ?? null) : null,
      limitWorkingDays: values.unit === 'workingDays' ? (values.limitWorkingDays ?? null) : null,
      resultFields: (values.resultFields ?? []).map((f) => ({
        key: f.key,
        labelZh: f.labelZh,
        labelEn: f.labelEn,
        kind: f.kind,
        ...(f.kind === 'select' ? { options: f.options ?? [] } : {}),
      })),
      checklist: values.checklist ?? [],
      autoDispatch: values.autoDispatch,
      autoComplete: values.autoComplete,
      active: values.active,
    };
    const onSaveError = (error: unknown) => {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        // The list reloads (the mutation settles); the drawer then shows the latest version.
        setConflict(true);
        return;
      }
      onError(error, form);
    };
    if (type) {
      update.mutate(
        { id: type.id, ...body, version: type.version },
        {
          onSuccess: () => {
            setConflict(false);
            message.success(t('workOrders.types.saved'));
            onClose();
          },
          onError: onSaveError,
        },
      );
    } else {
      create.mutate(
        { courtId, code: values.code.trim(), ...body },
        {
          onSuccess: () => {
            message.success(t('workOrders.types.created'));
            onClose();
          },
          onError: onSaveError,
        },
      );
    }
  };

  const required = { required: true, whitespace: true, message: t('workOrders.types.required') };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      title={type ? t('workOrders.types.editTitle', { name: type.nameZh }) : t('workOrders.types.createTitle')}
      destroyOnHidden
      data-testid="type-drawer"
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="type-save">
          {t('common.save')}
        </Button>
      }
    >
      {conflict && (
        <Alert type="warning" showIcon message={t('workOrders.types.conflict')} style={{ marginBottom: 16 }} data-testid="type-conflict" />
      )}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark>
        <Flex gap={16} wrap>
          <Form.Item
            name="code"
            label={t('workOrders.types.code')}
            extra={type ? undefined : t('workOrders.types.codeHelp')}
            rules={[required, { pattern: TYPE_CODE, message: t('workOrders.types.codeInvalid') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input disabled={type !== null} maxLength={40} data-testid="type-code" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('workOrders.types.nameZh')} rules={[required]} style={{ flex: '1 1 200px' }}>
            <Input maxLength={40} data-testid="type-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('workOrders.types.nameEn')} rules={[required]} style={{ flex: '1 1 200px' }}>
            <Input maxLength={80} data-testid="type-name-en" />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="teamId" label={t('workOrders.types.team')} style={{ flex: '1 1 260px' }}>
            <Select<number | null>
              options={[
                { value: null, label: t('workOrders.types.sharedCentre') } as { value: number | null; label: string },
                ...teams.map((x) => ({ value: x.id, label: `${x.name} · ${x.courtName}` })),
              ]}
              data-testid="type-team"
            />
          </Form.Item>
          <Form.Item name="unit" label={t('workOrders.types.limitUnit')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'workingDays', label: t('workOrders.types.workingDays') },
                { value: 'hours', label: t('workOrders.types.hours') },
              ]}
              data-testid="type-unit"
            />
          </Form.Item>
          {unit === 'hours' ? (
            <Form.Item
              name="limitHours"
              label={t('workOrders.types.limitValue')}
              rules={[{ required: true, message: t('workOrders.types.limitRequired') }]}
            >
              <InputNumber min={1} max={720} precision={0} addonAfter={t('workOrders.types.hours')} data-testid="type-limit" />
            </Form.Item>
          ) : (
            <Form.Item
              name="limitWorkingDays"
              label={t('workOrders.types.limitValue')}
              rules={[{ required: true, message: t('workOrders.types.limitRequired') }]}
            >
              <InputNumber min={1} max={60} precision={0} addonAfter={t('workOrders.types.workingDays')} data-testid="type-limit" />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={32} wrap>
          <Form.Item name="active" label={t('workOrders.types.active')} valuePropName="checked">
            <Switch data-testid="type-active" />
          </Form.Item>
          <Form.Item
            name="autoDispatch"
            label={t('workOrders.types.autoDispatch')}
            valuePropName="checked"
            tooltip={t('workOrders.types.autoDispatchHelp')}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="autoComplete"
            label={t('workOrders.types.autoComplete')}
            valuePropName="checked"
            tooltip={t('workOrders.types.autoCompleteHelp')}
          >
            <Switch />
          </Form.Item>
        </Flex>

        <Typography.Title level={5}>{t('workOrders.types.resultFields')}</Typography.Title>
        <Form.List name="resultFields">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Card key={field.key} size="small" data-testid="result-field">
                  <Flex gap={8} wrap align="start">
                    <Form.Item
                      name={[field.name, 'key']}
                      label={t('workOrders.types.fieldKey')}
                      rules={[required, { pattern: FIELD_KEY, message: t('workOrders.types.fieldKeyInvalid') }]}
                      style={{ flex: '1 1 120px', marginBottom: 8 }}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'labelZh']}
                      label={t('workOrders.types.labelZh')}
                      rules={[required]}
                      style={{ flex: '1 1 120px', marginBottom: 8 }}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'labelEn']}
                      label={t('workOrders.types.labelEn')}
                      rules={[required]}
                      style={{ flex: '1 1 120px', marginBottom: 8 }}
                    >
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'kind']}
                      label={t('workOrders.types.kind')}
                      rules={[{ required: true, message: t('workOrders.types.required') }]}
                      style={{ width: 110, marginBottom: 8 }}
                    >
                      <Select options={RESULT_FIELD_KINDS.map((k) => ({ value: k, label: t(`workOrders.types.kinds.${k}`) }))} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label={t('workOrders.types.remove')}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['resultFields', field.name, 'kind']) === 'select' && (
                        <Form.Item
                          name={[field.name, 'options']}
                          label={t('workOrders.types.options')}
                          rules={[{ required: true, type: 'array', min: 1, message: t('workOrders.types.optionsRequired') }]}
                          style={{ marginBottom: 0 }}
                        >
                          <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', labelZh: '', labelEn: '', kind: 'text' })}
                data-testid="add-result-field"
              >
                {t('workOrders.types.addField')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('workOrders.types.checklist')}</Typography.Title>
        <Form.List name="checklist">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'key']}
                    rules={[required, { pattern: FIELD_KEY, message: t('workOrders.types.fieldKeyInvalid') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input placeholder={t('workOrders.types.fieldKey')} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'labelZh']} rules={[required]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('workOrders.types.labelZh')} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'labelEn']} rules={[required]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('workOrders.types.labelEn')} maxLength={100} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('workOrders.types.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', labelZh: '', labelEn: '' })}>
                {t('workOrders.types.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
