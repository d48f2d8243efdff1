import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { DELIVERY_DOCUMENT_NAMES, type NetworkTaskDetail } from '@courtassist/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { problemText } from '../../../shared/api/problem';
import { useBilingual, useLang } from '../../../shared/lib/lang';
import { useAcceptTask, useDeclineTask, useMyTask } from '../tasks/api';
import { ReportContent } from '../tasks/ReportContent';
import { TAP, TaskStatusTag, useReportSent, useTaskLabel } from './common';
import { discard, flush, keep, newKey, usePendingReports } from './outbox';
import { ReportForm } from './ReportForm';

/** One task on the phone: what it needs, accept or decline, and the report (kept on the phone until sent). */
export default function MobileTaskPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useBilingual();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const task = useMyTask(id);
  const accept = useAcceptTask(id);
  const decline = useDeclineTask(id);
  const pending = usePendingReports().filter((r) => r.taskId === id);
  const onSent = useReportSent();
  const label = useTaskLabel();
  const [reporting, setReporting] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);

  if (task.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!task.data) return <Result status="warning" title={problemText(task.error, lang)} extra={<BackLink />} />;
  const item: NetworkTaskDetail = task.data;
  const fail = (error: unknown) => message.error(problemText(error, lang));

  const submitReport = async (report: Parameters<Parameters<typeof ReportForm>[0]['onSubmit']>[0]) => {
    const key = newKey();
    keep({
      key,
      taskId: id,
      title: item.title,
      body: {
        version: item.version,
        idempotencyKey: key,
        occurredAt: report.occurredAt,
        content: report.content,
        photos: report.photos.map((p) => ({ type: p.type, data: p.data })),
      },
    });
    setReporting(false);
    if (!navigator.onLine) {
      message.info(t('networkTasks.mobile.savedOffline'));
      return;
    }
    setSending(true);
    try {
      const sent = await flush(onSent, (error) => problemText(error, lang));
      if (sent > 0) message.success(t('networkTasks.mobile.sent'));
      else message.info(t('networkTasks.mobile.savedOffline'));
    } finally {
      setSending(false);
    }
  };

  const target = item.target;
  return (
    <Flex vertical gap={12} data-testid="mobile-task">
      <BackLink />
      <Card size="small" styles={{ body: { padding: 14 } }}>
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{label(item)}</Typography.Text>
          <Typography.Title level={2} style={{ fontSize: 19, margin: 0 }}>
            {item.title}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            {pending.length > 0 ? (
              <Tag color="orange" data-testid="task-pending">
                {t('networkTasks.mobile.pending')}
              </Tag>
            ) : (
              <TaskStatusTag status={item.status} />
            )}
            <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
              {item.overdue ? t('networkTasks.mobile.overdue') : t('networkTasks.mobile.due', { date: item.dueOn })}
            </Typography.Text>
          </Flex>
          {item.instructions && <Typography.Paragraph style={{ margin: 0, fontSize: 15 }}>{item.instructions}</Typography.Paragraph>}
        </Flex>
      </Card>

      {(target.partyName || target.address || target.caseNumber) && (
        <Card size="small" title={t('networkTasks.mobile.needs')} styles={{ body: { padding: 12 } }}>
          <Descriptions column={1} size="small" labelStyle={{ width: 76 }} contentStyle={{ fontSize: 15 }}>
            {target.partyName && <Descriptions.Item label={t('networkTasks.drawer.party')}>{target.partyName}</Descriptions.Item>}
            {target.address && <Descriptions.Item label={t('networkTasks.drawer.address')}>{target.address}</Descriptions.Item>}
            {target.phone && (
              <Descriptions.Item label={t('networkTasks.drawer.phone')}>
                <a href={`tel:${target.phone}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44 }}>
                  <PhoneOutlined /> {target.phone}
                </a>
              </Descriptions.Item>
            )}
            {target.documentKind && (
              <Descriptions.Item label={t('networkTasks.drawer.document')}>
                {text(DELIVERY_DOCUMENT_NAMES[target.documentKind])}
              </Descriptions.Item>
            )}
            {target.caseNumber && <Descriptions.Item label={t('networkTasks.drawer.caseNumber')}>{target.caseNumber}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}

      {item.sendBackReason && item.status === 'accepted' && (
        <Alert type="warning" showIcon message={t('networkTasks.mobile.sentBack', { reason: item.sendBackReason })} />
      )}
      {pending.map((r) => (
        <Alert
          key={r.key}
          type={r.error ? 'error' : 'info'}
          showIcon
          data-testid="task-pending-alert"
          message={r.error ? t('networkTasks.mobile.failed', { message: r.error }) : t('networkTasks.mobile.pending')}
          action={
            r.error && (
              <Button size="small" danger onClick={() => discard(r.key)}>
                {t('networkTasks.mobile.discard')}
              </Button>
            )
          }
        />
      ))}
      {sending && <Alert type="info" message={t('networkTasks.mobile.sending')} />}

      {pending.length === 0 && item.allowed.includes('accept') && (
        <Flex vertical gap={8}>
          <Button
            type="primary"
            block
            style={TAP}
            loading={accept.isPending}
            data-testid="task-accept"
            onClick={() => accept.mutate(item.version, { onError: fail })}
          >
            {t('networkTasks.mobile.accept')}
          </Button>
          <Button block danger style={TAP} onClick={() => setDeclining(true)} data-testid="task-decline">
            {t('networkTasks.mobile.decline')}
          </Button>
        </Flex>
      )}
      {pending.length === 0 && item.allowed.includes('report') && !reporting && (
        <Button type="primary" block style={TAP} onClick={() => setReporting(true)} data-testid="task-report">
          {t('networkTasks.mobile.report')}
        </Button>
      )}
      {reporting && pending.length === 0 && (
        <Card size="small" title={t('networkTasks.mobile.reportTitle')} styles={{ body: { padding: 12 } }}>
          <ReportForm task={item} busy={sending} onSubmit={(r) => void submitReport(r)} onCancel={() => setReporting(false)} />
        </Card>
      )}
      {item.status === 'reported' && pending.length === 0 && (
        <Alert type="success" showIcon message={t('networkTasks.mobile.waitingCourt')} />
      )}
      {item.declineReason && <Alert type="info" message={`${t('networkTasks.drawer.declineReason')}：${item.declineReason}`} />}
      {item.report && item.status !== 'accepted' && (
        <Card size="small" title={t('networkTasks.drawer.report')} styles={{ body: { padding: 12 } }}>
          <ReportContent report={item.report} photoBase={`/api/my/network-tasks/${item.id}/photos`} column={1} />
        </Card>
      )}

      <Modal
        open={declining}
        title={t('networkTasks.mobile.declineTitle')}
        okText={t('networkTasks.mobile.decline')}
        cancelText={t('networkTasks.mobile.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: decline.isPending, style: TAP }}
        cancelButtonProps={{ style: TAP }}
        onCancel={() => setDeclining(false)}
        onOk={() =>
          decline.mutate({ version: item.version, reason: reason.trim() }, { onSuccess: () => setDeclining(false), onError: fail })
        }
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('networkTasks.mobile.declineReason')}
          style={{ fontSize: 16 }}
          data-testid="decline-reason"
        />
      </Modal>
    </Flex>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/m/tasks" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44, fontSize: 16 }}>
      <ArrowLeftOutlined /> {t('networkTasks.mobile.back')}
    </Link>
  );
}
