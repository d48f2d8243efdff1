import { USER_STATUSES, type User } from '@courtassist/contracts';
import { App, Col, Descriptions, Form, Input, Modal, Radio, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { NewPasswordFields } from '../../../shared/components/NewPasswordFields';
import { useCreateUser, useUpdateUser } from '../api/users';
import { CourtTreeSelect } from '../components/CourtTreeSelect';
import { DepartmentSelect } from '../components/DepartmentSelect';
import { RoleSelect } from '../components/RoleSelect';

export type UserModalState = { mode: 'create'; courtId?: number } | { mode: 'edit'; id: number };

interface FormValues {
  username: string;
  displayName: string;
  phone?: string;
  courtId: number;
  departmentId?: number | null;
  roles: string[];
  status: User['status'];
  password: string;
}

export const USERNAME_RULE = /^[a-zA-Z0-9_.-]{3,40}$/;
export const PHONE_RULE = /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/;

interface UserFormModalProps {
  state: UserModalState | null;
  /** The edited user as currently listed (refreshed after a version conflict). */
  user: User | null;
  onClose: () => void;
}

/** Creates a user with an initial password, or edits name, phone, department, roles and status. */
export function UserFormModal({ state, user, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onSaveError = useSaveErrorHandler();
  const editing = state?.mode === 'edit' ? user : null;
  const courtId = Form.useWatch('courtId', form);

  useEffect(() => {
    if (state?.mode === 'create') form.setFieldsValue({ courtId: state.courtId, roles: [] });
  }, [state, form]);

  // `user` keeps its identity until the list brings a changed user (e.g. the reload after a conflict).
  useEffect(() => {
    if (editing) {
      form.setFieldsValue({
        displayName: editing.displayName,
        phone: editing.phone,
        departmentId: editing.departmentId,
        roles: editing.roles,
        status: editing.status,
      });
    }
  }, [editing, form]);

  const done = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const submit = (values: FormValues) => {
    if (editing) {
      update.mutate(
        {
          id: editing.id,
          displayName: values.displayName,
          phone: values.phone ?? '',
          departmentId: values.departmentId ?? null,
          roles: values.roles,
          status: values.status,
          version: editing.version,
        },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    } else {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName,
          phone: values.phone ?? '',
          courtId: values.courtId,
          departmentId: values.departmentId ?? null,
          roles: values.roles,
          password: values.password,
        },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    }
  };

  return (
    <Modal
      open={!!state && (state.mode === 'create' || !!editing)}
      title={editing ? t('org.user.editTitle', { name: editing.displayName }) : t('org.user.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={680}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        {editing ? (
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('org.user.username')}>{editing.username}</Descriptions.Item>
            <Descriptions.Item label={t('org.court.label')}>{editing.courtName}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="username"
                label={t('org.user.username')}
                extra={t('org.user.usernameHint')}
                rules={[
                  { required: true, message: t('org.user.usernameRequired') },
                  { pattern: USERNAME_RULE, message: t('org.user.usernameInvalid') },
                ]}
              >
                <Input autoComplete="off" maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="courtId" label={t('org.court.label')} rules={[{ required: true, message: t('org.court.required') }]}>
                <CourtTreeSelect onChange={() => form.setFieldValue('departmentId', null)} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('org.user.displayName')}
              rules={[{ required: true, whitespace: true, message: t('org.user.displayNameRequired') }, { max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('org.user.phone')} rules={[{ pattern: PHONE_RULE, message: t('org.user.phoneInvalid') }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="departmentId" label={t('org.department.label')}>
          <DepartmentSelect allowClear courtId={editing ? editing.courtId : courtId} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('org.user.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('org.user.rolesRequired') }]}
        >
          <RoleSelect />
        </Form.Item>
        {editing ? (
          <Form.Item name="status" label={t('common.status')}>
            <Radio.Group
              optionType="button"
              options={USER_STATUSES.map((status) => ({ value: status, label: t(`org.user.status.${status}`) }))}
            />
          </Form.Item>
        ) : (
          <NewPasswordFields name="password" label={t('org.user.initialPassword')} />
        )}
      </Form>
    </Modal>
  );
}
