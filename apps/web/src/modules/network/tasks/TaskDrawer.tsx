import {
  DELIVERY_DOCUMENT_NAMES,
  NETWORK_TASK_ACTION_NAMES,
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_OUTCOME_NAMES,
} from '@courtassist/contracts';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Rate, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { formatMoment } from '../../../shared/lib/format';
import { useBilingual } from '../../../shared/lib/lang';
import { TaskStatusTag } from '../mobile/common';
import { useConfirmTask, useCourtTask, useSendBackTask } from './api';
import { ReportContent } from './ReportContent';

/** One task for the court: what it is, the report with photos, the trace, and confirm / send back. */
export function TaskDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const task = useCourtTask(id);
  const confirm = useConfirmTask(id ?? 0);
  const sendBack = useSendBackTask(id ?? 0);
  const onError = useSaveErrorHandler();
  const [mode, setMode] = useState<'confirm' | 'send-back' | null>(null);
  const [form] = Form.useForm<{ rating: number; note?: string; reason?: string }>();
  const item = task.data;

  const submit = (values: { rating: number; note?: string; reason?: string }) => {
    if (!item) return;
    const done = () => {
      setMode(null);
      message.success(mode === 'confirm' ? t('networkTasks.drawer.confirmed') : t('networkTasks.drawer.sentBack'));
    };
    if (mode === 'confirm')
      confirm.mutate(
        { version: item.version, rating: values.rating, note: values.note ?? '' },
        { onSuccess: done, onError: (e) => onError(e, form) },
      );
    else sendBack.mutate({ version: item.version, reason: values.reason ?? '' }, { onSuccess: done, onError: (e) => onError(e, form) });
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={640}
      title={t('networkTasks.drawer.title')}
      destroyOnHidden
      data-testid="task-drawer"
    >
      {task.isPending && <Spin />}
      {item && (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {item.title}
            </Typography.Title>
            <TaskStatusTag status={item.status} />
          </Flex>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'kind', label: t('networkTasks.col.kind'), children: text(NETWORK_TASK_KIND_NAMES[item.kind]) },
              { key: 'assistant', label: t('networkTasks.col.assistant'), children: item.assistantName },
              { key: 'station', label: t('networkTasks.drawer.station'), children: item.stationName ?? '—' },
              {
                key: 'due',
                label: t('networkTasks.col.dueOn'),
                children: (
                  <Typography.Text type={item.overdue ? 'danger' : undefined}>
                    {item.dueOn}
                    {item.overdue ? ` ${t('networkTasks.overdue')}` : ''}
                  </Typography.Text>
                ),
              },
              { key: 'by', label: t('networkTasks.drawer.assignedBy'), children: item.assignedByName },
              { key: 'case', label: t('networkTasks.drawer.caseNumber'), children: item.target.caseNumber ?? '—' },
              { key: 'party', label: t('networkTasks.drawer.party'), children: item.target.partyName ?? '—' },
              {
                key: 'doc',
                label: t('networkTasks.drawer.document'),
                children: item.target.documentKind ? text(DELIVERY_DOCUMENT_NAMES[item.target.documentKind]) : '—',
              },
              { key: 'address', label: t('networkTasks.drawer.address'), children: item.target.address ?? '—', span: 2 },
              ...(item.instructions
                ? [{ key: 'ins', label: t('networkTasks.drawer.instructions'), children: item.instructions, span: 2 }]
                : []),
              ...(item.outcome
                ? [
                    {
                      key: 'outcome',
                      label: t('networkTasks.drawer.outcome'),
                      children: text(NETWORK_TASK_OUTCOME_NAMES[item.kind][item.outcome]),
                    },
                  ]
                : []),
              ...(item.rating
                ? [{ key: 'rating', label: t('networkTasks.drawer.rating'), children: <Rate disabled value={item.rating} /> }]
                : []),
            ]}
          />
          {item.deliveryAttemptId && (
            <Alert
              type="success"
              showIcon
              message={t('networkTasks.drawer.attempt', { id: item.deliveryAttemptId })}
              data-testid="task-attempt"
            />
          )}
          {item.declineReason && <Alert type="warning" message={`${t('networkTasks.drawer.declineReason')}：${item.declineReason}`} />}
          {item.sendBackReason && item.status === 'accepted' && (
            <Alert type="warning" message={`${t('networkTasks.drawer.sendBackReason')}：${item.sendBackReason}`} />
          )}
          <Card size="small" title={t('networkTasks.drawer.report')}>
            {item.report ? (
              <ReportContent report={item.report} photoBase={`/api/network/tasks/${item.id}/photos`} />
            ) : (
              <Empty description={t('networkTasks.drawer.noReport')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          {item.allowed.length > 0 && (
            <Flex gap={8}>
              {item.allowed.includes('confirm') && (
                <Button
                  type="primary"
                  data-testid="task-confirm"
                  onClick={() => {
                    form.setFieldsValue({ rating: 5, note: '' });
                    setMode('confirm');
                  }}
                >
                  {t('networkTasks.drawer.confirm')}
                </Button>
              )}
              {item.allowed.includes('send-back') && (
                <Button danger data-testid="task-send-back" onClick={() => setMode('send-back')}>
                  {t('networkTasks.drawer.sendBack')}
                </Button>
              )}
            </Flex>
          )}
          <Card size="small" title={t('networkTasks.drawer.trace')}>
            <Timeline
              data-testid="task-trace"
              items={item.trace.map((e) => ({
                key: e.id,
                children: (
                  <Flex vertical>
                    <Typography.Text>
                      {text(NETWORK_TASK_ACTION_NAMES[e.action])} · {e.actorName}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatMoment(e.at)}
                      {e.note ? ` · ${e.note}` : ''}
                    </Typography.Text>
                  </Flex>
                ),
              }))}
            />
          </Card>
        </Flex>
      )}
      <Modal
        open={mode !== null}
        title={mode === 'confirm' ? t('networkTasks.drawer.confirmTitle') : t('networkTasks.drawer.sendBackTitle')}
        onCancel={() => setMode(null)}
        onOk={() => form.submit()}
        okButtonProps={
          { loading: confirm.isPending || sendBack.isPending, danger: mode === 'send-back', 'data-testid': 'task-action-ok' } as never
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {mode === 'confirm' ? (
            <>
              <Form.Item name="rating" label={t('networkTasks.drawer.ratingLabel')} rules={[{ required: true }]}>
                <Rate />
              </Form.Item>
              <Form.Item name="note" label={t('networkTasks.drawer.note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="reason"
              label={t('networkTasks.drawer.reason')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={3} maxLength={500} data-testid="send-back-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
