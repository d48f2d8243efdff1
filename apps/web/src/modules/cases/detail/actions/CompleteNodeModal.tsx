import { CASE_NODES, type CaseDetail } from '@courtassist/contracts';
import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../../shared/lib/lang';
import { useCompleteNode } from '../../api';
import { nodeName } from '../../labels';
import { useActionError } from './useActionError';

/** 完成节点: completes the active node (with an optional note); the next one starts. */
export function CompleteNodeModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const complete = useCompleteNode();
  const { onError, notice } = useActionError(form, onClose, open);
  const node = detail.currentNode;
  const next = CASE_NODES[CASE_NODES.indexOf(node) + 1];
  const active = detail.nodes.find((n) => n.node === node);

  const submit = ({ note }: { note?: string }) =>
    complete.mutate(
      { id: detail.id, node, note: note?.trim() ?? '', version: detail.version },
      {
        onSuccess: () => {
          message.success(t('cases.node.completedMessage', { node: nodeName(node, lang) }));
          onClose();
        },
        onError,
      },
    );

  return (
    <Modal
      open={open}
      title={t('cases.node.completeTitle', { node: nodeName(node, lang) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.node.complete')}
      okButtonProps={{ 'data-testid': 'node-complete-submit' }}
      confirmLoading={complete.isPending}
      destroyOnHidden
    >
      {notice}
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('cases.node.responsible')}>{active?.responsibleName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('cases.node.dueOn')}>{active?.dueOn ?? '—'}</Descriptions.Item>
        {next && <Descriptions.Item label={t('cases.node.next')}>{nodeName(next, lang)}</Descriptions.Item>}
      </Descriptions>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="note" label={t('cases.node.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
