import { type CaseDetail, DELIVERY_DOCUMENT_KINDS, type DeliveryDocumentKind } from '@courtassist/contracts';
import { App, Checkbox, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { useLang } from '../../shared/lib/lang';
import { useCreateTasks } from './api';
import { documentName, roleName } from './labels';

interface Values {
  partyIds: number[];
  documentKinds: DeliveryDocumentKind[];
}

/** 生成送达任务: one task per chosen recipient and document. */
export function CreateTasksModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const showProblem = useProblemHandler();
  const [form] = Form.useForm<Values>();
  const create = useCreateTasks(detail.id);

  const submit = (values: Values) =>
    create.mutate(values, {
      onSuccess: (made) => {
        message.success(t('delivery.create.done', { count: made.items.length }));
        form.resetFields();
        onClose();
      },
      onError: (error) => showProblem(error, form),
    });

  return (
    <Modal
      title={t('delivery.create.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('delivery.create.submit')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'delivery-create-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ partyIds: [], documentKinds: [] }}>
        <Form.Item name="partyIds" label={t('delivery.create.parties')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group
            data-testid="delivery-create-parties"
            options={detail.parties.map((p) => ({ value: p.id, label: `${p.name}（${roleName(p.role, lang)}）` }))}
          />
        </Form.Item>
        <Form.Item name="documentKinds" label={t('delivery.create.documents')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group
            data-testid="delivery-create-documents"
            options={DELIVERY_DOCUMENT_KINDS.map((kind) => ({ value: kind, label: documentName(kind, lang) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
