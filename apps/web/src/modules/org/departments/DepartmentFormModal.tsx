import { DEPARTMENT_KIND_NAMES, DEPARTMENT_KINDS, type Department, type DepartmentKind } from '@courtassist/contracts';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useLang } from '../../../shared/lib/lang';
import { useCreateDepartment, useUpdateDepartment } from '../api/departments';
import { CourtTreeSelect } from '../components/CourtTreeSelect';

export type DepartmentModalState = { mode: 'create'; courtId?: number } | { mode: 'edit'; department: Department };

interface DepartmentFormModalProps {
  state: DepartmentModalState | null;
  onClose: () => void;
}

interface FormValues {
  courtId: number;
  name: string;
  kind: DepartmentKind;
  active: boolean;
}

/** Creates a department in a court, or renames it, changes its kind, or deactivates it. */
export function DepartmentFormModal({ state, onClose }: DepartmentFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = useLang();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const onSaveError = useSaveErrorHandler();
  const editing = state?.mode === 'edit' ? state.department : null;

  useEffect(() => {
    if (state?.mode === 'edit') {
      const d = state.department;
      form.setFieldsValue({ name: d.name, kind: d.kind, active: d.active });
    } else if (state?.mode === 'create') {
      form.setFieldsValue({ courtId: state.courtId, active: true });
    }
  }, [state, form]);

  const done = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const submit = (values: FormValues) => {
    if (editing) {
      update.mutate(
        { id: editing.id, name: values.name, kind: values.kind, active: values.active, version: editing.version },
        {
          onSuccess: done,
          onError: (error) => {
            if (onSaveError(error, form)) onClose();
          },
        },
      );
    } else {
      create.mutate(
        { courtId: values.courtId, name: values.name, kind: values.kind },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    }
  };

  return (
    <Modal
      open={!!state}
      title={editing ? t('org.department.editTitle', { name: editing.name }) : t('org.department.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        {editing ? (
          <Form.Item label={t('org.court.label')}>
            <Input value={editing.courtName} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="courtId" label={t('org.court.label')} rules={[{ required: true, message: t('org.court.required') }]}>
            <CourtTreeSelect />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('org.department.name')}
          rules={[{ required: true, whitespace: true, message: t('org.department.nameRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.department.kind')} rules={[{ required: true, message: t('org.department.kindRequired') }]}>
          <Select<DepartmentKind>
            showSearch
            optionFilterProp="label"
            options={DEPARTMENT_KINDS.map((kind) => ({
              value: kind,
              label:
                lang === 'en'
                  ? `${DEPARTMENT_KIND_NAMES[kind].en} · ${DEPARTMENT_KIND_NAMES[kind].zh}`
                  : `${DEPARTMENT_KIND_NAMES[kind].zh} · ${DEPARTMENT_KIND_NAMES[kind].en}`,
            }))}
          />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('org.department.active')} valuePropName="checked">
            <Switch checkedChildren={t('org.department.activeOn')} unCheckedChildren={t('org.department.activeOff')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
