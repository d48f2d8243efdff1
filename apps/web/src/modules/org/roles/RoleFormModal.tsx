import type { Role } from '@courtassist/contracts';
import { App, Checkbox, Col, Form, Input, Modal, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useCreateRole, useUpdateRole } from '../api/roles';
import { usePermissionOptions } from './usePermissionOptions';

export type RoleModalState = { mode: 'create' } | { mode: 'edit'; id: number };

interface FormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
}

export const ROLE_CODE_RULE = /^[a-z][a-z0-9-]{1,39}$/;

interface RoleFormModalProps {
  state: RoleModalState | null;
  /** The edited role as currently listed (refreshed after a version conflict). */
  role: Role | null;
  onClose: () => void;
}

/** Creates a custom role with its permissions, or renames a role. */
export function RoleFormModal({ state, role, onClose }: RoleFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const onSaveError = useSaveErrorHandler();
  const permissions = usePermissionOptions();
  const editing = state?.mode === 'edit' ? role : null;

  // `role` keeps its identity until the list brings a changed role (e.g. the reload after a conflict).
  useEffect(() => {
    if (editing) form.setFieldsValue({ nameZh: editing.nameZh, nameEn: editing.nameEn });
  }, [editing, form]);

  useEffect(() => {
    if (state?.mode === 'create') form.setFieldsValue({ permissions: [] });
  }, [state, form]);

  const done = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const submit = (values: FormValues) => {
    if (editing) {
      update.mutate(
        { id: editing.id, nameZh: values.nameZh, nameEn: values.nameEn, version: editing.version },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    } else {
      create.mutate(
        { code: values.code.trim(), nameZh: values.nameZh, nameEn: values.nameEn, permissions: values.permissions ?? [] },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    }
  };

  return (
    <Modal
      open={!!state && (state.mode === 'create' || !!editing)}
      title={editing ? t('org.role.editTitle', { code: editing.code }) : t('org.role.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        {!editing && (
          <Form.Item
            name="code"
            label={t('org.role.code')}
            extra={t('org.role.codeHint')}
            rules={[
              { required: true, message: t('org.role.codeRequired') },
              { pattern: ROLE_CODE_RULE, message: t('org.role.codeInvalid') },
            ]}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameZh"
              label={t('org.role.nameZh')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameEn"
              label={t('org.role.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        {!editing && (
          <Form.Item name="permissions" label={t('org.role.permissions')}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {permissions.map((p) => (
                <Checkbox key={p.code} value={p.code}>
                  {p.label} <code style={{ fontSize: 12, opacity: 0.65 }}>{p.code}</code>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
