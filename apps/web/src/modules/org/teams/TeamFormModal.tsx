import { DEFAULT_TEAM_TEMPLATE, type Team, type TeamTemplate } from '@courtassist/contracts';
import { App, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useCreateTeam, useUpdateTeam } from '../api/teams';
import { CourtTreeSelect } from '../components/CourtTreeSelect';
import { DepartmentSelect } from '../components/DepartmentSelect';

export type TeamModalState = { mode: 'create'; courtId?: number; departmentId?: number } | { mode: 'edit'; team: Team };

interface FormValues {
  courtId?: number | null;
  departmentId: number;
  name: string;
  template: TeamTemplate;
}

const LIMITS = { judge: [1, 5], assistant: [0, 10], clerk: [0, 10] } as const;

/** Creates a trial team in a department, or renames it and changes its template (e.g. 1+1+1). */
export function TeamFormModal({ state, onClose }: { state: TeamModalState | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const onSaveError = useSaveErrorHandler();
  const editing = state?.mode === 'edit' ? state.team : null;
  const courtId = Form.useWatch('courtId', form);

  useEffect(() => {
    if (state?.mode === 'edit') form.setFieldsValue({ name: state.team.name, template: state.team.template });
    else if (state?.mode === 'create')
      form.setFieldsValue({ courtId: state.courtId, departmentId: state.departmentId, template: DEFAULT_TEAM_TEMPLATE });
  }, [state, form]);

  const done = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const submit = (values: FormValues) => {
    if (editing) {
      update.mutate(
        { id: editing.id, name: values.name, template: values.template, version: editing.version },
        {
          onSuccess: done,
          onError: (error) => {
            if (onSaveError(error, form)) onClose();
          },
        },
      );
    } else {
      create.mutate(
        { departmentId: values.departmentId, name: values.name, template: values.template },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    }
  };

  return (
    <Modal
      open={!!state}
      title={editing ? t('org.team.editTitle', { name: editing.name }) : t('org.team.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        {editing ? (
          <Form.Item label={t('org.department.label')}>
            <Input value={`${editing.courtName} / ${editing.departmentName}`} disabled />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="courtId" label={t('org.court.label')} rules={[{ required: true, message: t('org.court.required') }]}>
              <CourtTreeSelect onChange={() => form.setFieldValue('departmentId', undefined)} />
            </Form.Item>
            <Form.Item
              name="departmentId"
              label={t('org.department.label')}
              rules={[{ required: true, message: t('org.department.required') }]}
            >
              <DepartmentSelect courtId={courtId} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('org.team.name')}
          rules={[{ required: true, whitespace: true, message: t('org.team.nameRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('org.team.template')} extra={t('org.team.templateHint')} required>
          <Row gutter={12}>
            {(['judge', 'assistant', 'clerk'] as const).map((position) => (
              <Col span={8} key={position}>
                <Form.Item
                  name={['template', position]}
                  label={t(`org.team.position.${position}`)}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber min={LIMITS[position][0]} max={LIMITS[position][1]} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
      </Form>
    </Modal>
  );
}
