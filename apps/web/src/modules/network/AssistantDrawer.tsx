import {
  type AssistantProfile,
  EDUCATION_LEVELS,
  EDUCATION_NAMES,
  FIELD_ERRORS,
  GENDER_NAMES,
  GENDERS,
  type Gender,
  validateIdCard,
} from '@courtassist/contracts';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { useBilingual } from '../../shared/lib/lang';
import { useCategories, useCreateAssistant, useStations, useUpdateAssistant } from './api';

interface FormValues {
  name: string;
  gender: Gender | null;
  phone: string;
  idNumber: string;
  education: string | null;
  birthDate: Dayjs | null;
  employer: string;
  post: string;
  categoryCodes: string[];
  stationIds: number[];
  startOn: Dayjs;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** 登记 / 编辑司法协助员 in a drawer; an identity card number fills in birth date and gender. */
export function AssistantDrawer({
  open,
  courtId,
  assistant,
  defaultStationId,
  onClose,
  onSaved,
}: {
  open: boolean;
  courtId: number;
  /** null: a new assistant. The profile shows the full numbers to managers, who alone edit. */
  assistant: AssistantProfile | null;
  /** A new assistant starts at this station (the list was filtered by it). */
  defaultStationId?: number;
  onClose: () => void;
  onSaved?: (saved: AssistantProfile) => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const categories = useCategories();
  const stations = useStations(assistant?.courtId ?? courtId);
  const create = useCreateAssistant();
  const update = useUpdateAssistant();
  const onError = useSaveErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (assistant) {
      form.setFieldsValue({
        name: assistant.name,
        gender: assistant.gender,
        phone: assistant.phone,
        idNumber: assistant.idNumber ?? '',
        education: assistant.education,
        birthDate: assistant.birthDate ? dayjs(assistant.birthDate) : null,
        employer: assistant.employer,
        post: assistant.post,
        categoryCodes: assistant.categories.map((c) => c.code),
        stationIds: assistant.stations.map((s) => s.id),
        startOn: dayjs(assistant.startOn),
      });
    } else {
      form.setFieldsValue({
        categoryCodes: [],
        stationIds: defaultStationId ? [defaultStationId] : [],
        startOn: dayjs(),
        gender: null,
        education: null,
        birthDate: null,
      });
    }
  }, [open, assistant, defaultStationId, form]);

  const fillFromIdCard = (value: string) => {
    const card = validateIdCard(value.trim().toUpperCase());
    if (!card.ok) return;
    form.setFieldsValue({ birthDate: dayjs(card.birthDate), gender: card.gender });
  };

  const submit = (values: FormValues) => {
    const body = {
      name: values.name.trim(),
      gender: values.gender ?? null,
      phone: values.phone?.trim() ?? '',
      idNumber: values.idNumber?.trim() ? values.idNumber.trim().toUpperCase() : null,
      education: (values.education ?? null) as (typeof EDUCATION_LEVELS)[number] | null,
      birthDate: day(values.birthDate),
      employer: values.employer?.trim() ?? '',
      post: values.post?.trim() ?? '',
      categoryCodes: values.categoryCodes,
      stationIds: values.stationIds,
      startOn: day(values.startOn) as string,
    };
    const onSaveError = (error: unknown) => {
      if (isApiError(error, 'VERSION_CONFLICT')) onClose();
      onError(error, form);
    };
    const done = (saved: AssistantProfile) => {
      message.success(assistant ? t('network.assistant.saved') : t('network.assistant.created'));
      onSaved?.(saved);
      onClose();
    };
    if (assistant) update.mutate({ id: assistant.id, ...body, version: assistant.version }, { onSuccess: done, onError: onSaveError });
    else create.mutate({ courtId, ...body }, { onSuccess: done, onError: onSaveError });
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={600}
      title={assistant ? t('network.assistant.edit') : t('network.assistant.create')}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="assistant-save">
          {t('common.save')}
        </Button>
      }
    >
      {assistant?.accountStatus === 'disabled' && (
        <Alert
          type="warning"
          showIcon
          message={[t('network.assistant.accountDisabled'), assistant.username].filter(Boolean).join(' · ')}
          description={t('network.assistant.accountDisabledHint')}
          style={{ marginBottom: 16 }}
          data-testid="assistant-drawer-account-disabled"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="assistant-form">
        <Flex gap={12}>
          <Form.Item
            name="name"
            label={t('network.assistant.name')}
            rules={[{ ...required, whitespace: true }, { max: 50 }]}
            style={{ flex: 1 }}
          >
            <Input data-testid="assistant-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('network.assistant.phone')}
            rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, message: text(FIELD_ERRORS.invalid_format) }]}
            style={{ flex: 1 }}
          >
            <Input data-testid="assistant-phone" />
          </Form.Item>
        </Flex>
        <Form.Item name="idNumber" label={t('network.assistant.idNumber')} extra={t('network.assistant.idNumberHint')}>
          <Input maxLength={18} onBlur={(e) => fillFromIdCard(e.target.value)} data-testid="assistant-id-number" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="birthDate" label={t('network.assistant.birthDate')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="gender" label={t('network.assistant.gender')} style={{ flex: 1 }}>
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: text(GENDER_NAMES[g]) }))} />
          </Form.Item>
          <Form.Item name="education" label={t('network.assistant.education')} style={{ flex: 1 }}>
            <Select allowClear options={EDUCATION_LEVELS.map((e) => ({ value: e, label: text(EDUCATION_NAMES[e]) }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="employer" label={t('network.assistant.employer')} style={{ flex: 1 }} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="post" label={t('network.assistant.post')} style={{ flex: 1 }} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="categoryCodes" label={t('network.assistant.categories')} rules={[{ ...required, type: 'array', min: 1 }]}>
          <Checkbox.Group data-testid="assistant-categories">
            <Flex wrap gap={8}>
              {(categories.data?.items ?? []).map((c) => (
                <Checkbox key={c.code} value={c.code} style={{ minWidth: 150 }}>
                  {text({ zh: c.nameZh, en: c.nameEn })}
                  {c.official && (
                    <Tag color="blue" style={{ marginInlineStart: 4 }}>
                      {t('network.composition.official')}
                    </Tag>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="stationIds" label={t('network.assistant.stations')} rules={[{ ...required, type: 'array', min: 1 }]}>
          <Select
            mode="multiple"
            data-testid="assistant-stations"
            loading={stations.isPending}
            optionFilterProp="label"
            options={(stations.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="startOn" label={t('network.assistant.startOn')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
