import { DownloadOutlined, MailOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import type { DeliveryTaskDetail } from '@courtassist/contracts';
import { Alert, Button, Divider, Drawer, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { formatMoment } from '../../shared/lib/format';
import { type Lang, pickText, useLang } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { AssignDialog } from '../network/tasks/AssignDialog';
import { AttemptForm } from './AttemptForm';
import { AttemptTimeline } from './AttemptTimeline';
import { announcementUrl, proofUrl, useTask } from './api';
import { EndTaskModal } from './EndTaskModal';
import { documentName, endReasonName, methodName } from './labels';
import { SendElectronicModal } from './SendElectronicModal';
import { StatusTag } from './StatusTag';
import { TaskAddresses } from './TaskAddresses';

interface DrawerProps {
  taskId: number | null;
  editable: boolean;
  onClose: () => void;
}

/** One delivery task: where to serve, what was tried, what to try next, and the documents to print. */
export function DeliveryTaskDrawer({ taskId, editable, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const query = useTask(taskId);
  const task = query.data;

  return (
    <Drawer
      open={taskId !== null}
      onClose={onClose}
      width={680}
      destroyOnHidden
      title={
        task ? t('delivery.drawer.title', { party: task.partyName, document: documentName(task.documentKind, lang) }) : t('delivery.title')
      }
      extra={task && <StatusTag status={task.status} />}
      data-testid="delivery-drawer"
    >
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      {!task && !query.isError && <Skeleton active />}
      {task && <TaskBody task={task} editable={editable} lang={lang} />}
    </Drawer>
  );
}

function TaskBody({ task, editable, lang }: { task: DeliveryTaskDetail; editable: boolean; lang: Lang }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const [assisting, setAssisting] = useState(false);
  const [sending, setSending] = useState(false);
  const awaiting = task.electronicSends.some((s) => s.status === 'awaiting');
  const can = useCan();
  const mayAssist = can('network.task.assign') || can('network.manage');
  const announced = task.attempts.some((a) => a.method === 'announcement');
  const open = task.status === 'pending' || task.status === 'in-progress';
  return (
    <Flex vertical gap={16} data-testid="delivery-task-detail" data-task={task.id}>
      <NextStep task={task} lang={lang} />
      <TaskAddresses task={task} />
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} href={proofUrl(task.id)} download data-testid="delivery-proof">
          {t('delivery.drawer.proof')}
        </Button>
        {announced && (
          <Button icon={<DownloadOutlined />} href={announcementUrl(task.id)} download data-testid="delivery-announcement">
            {t('delivery.drawer.announcement')}
          </Button>
        )}
        {mayAssist && open && (
          <Button icon={<TeamOutlined />} onClick={() => setAssisting(true)} data-testid="delivery-assist">
            {t('networkTasks.assignAssisted')}
          </Button>
        )}
        {editable && open && (
          <Button icon={<MailOutlined />} onClick={() => setSending(true)} disabled={awaiting} data-testid="delivery-send-electronic">
            {t('delivery.electronic.action')}
          </Button>
        )}
        {editable && open && (
          <Button danger icon={<StopOutlined />} onClick={() => setEnding(true)} data-testid="delivery-end">
            {t('delivery.end.action')}
          </Button>
        )}
      </Flex>
      {editable && open && <EndTaskModal task={task} open={ending} onClose={() => setEnding(false)} />}
      {editable && open && <SendElectronicModal task={task} open={sending} onClose={() => setSending(false)} />}
      {mayAssist && open && (
        <AssignDialog
          open={assisting}
          onClose={() => setAssisting(false)}
          delivery={{ id: task.id, partyName: task.partyName, documentKind: task.documentKind, address: task.address }}
        />
      )}
      <div>
        <Typography.Title level={5}>{t('delivery.drawer.attempts')}</Typography.Title>
        <AttemptTimeline attempts={task.attempts} sends={task.electronicSends} editable={editable} />
      </div>
      {editable && open && (
        <div>
          <Divider style={{ margin: '0 0 12px' }} />
          <Typography.Title level={5}>{t('delivery.attempt.title')}</Typography.Title>
          <AttemptForm task={task} />
        </div>
      )}
    </Flex>
  );
}

/** The served date, why delivery was ended, or the suggested next step (highlighted, the reason from the API). */
function NextStep({ task, lang }: { task: DeliveryTaskDetail; lang: Lang }) {
  const { t } = useTranslation();
  if (task.status === 'failed' && task.endReason) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="delivery-ended"
        message={<strong>{t('delivery.end.alert', { reason: endReasonName(task.endReason, lang) })}</strong>}
        description={t('delivery.end.by', {
          detail: task.endDetail ?? '',
          name: task.endedBy ?? '',
          time: formatMoment(task.endedAt),
        })}
      />
    );
  }
  if (task.status === 'served' && task.servedOn) {
    const method = task.servedMethod ? methodName(task.servedMethod, lang) : '';
    return <Alert type="success" showIcon message={t('delivery.drawer.servedAlert', { date: task.servedOn, method })} />;
  }
  if (!task.suggestion) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="delivery-suggestion"
      data-method={task.suggestion.method}
      style={{ borderWidth: 2 }}
      message={<strong>{t('delivery.drawer.suggestion', { method: methodName(task.suggestion.method, lang) })}</strong>}
      description={pickText(lang, task.suggestion.message)}
    />
  );
}
