import { SendOutlined } from '@ant-design/icons';
import { MESSAGE_CHANNEL_LABELS, type OutboxMessageView } from '@courtassist/contracts';
import { Alert, Button, Descriptions, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../shared/lib/format';
import { pickText, useLang } from '../../shared/lib/lang';
import { useOutboxMessage } from './api';
import { AttemptsText, MessageStatusTag } from './tags';

interface MessageDrawerProps {
  /** The row opened; the drawer reads the message itself so that it follows a retry. */
  message: OutboxMessageView | null;
  id: number | null;
  onClose: () => void;
  onRetry: (message: OutboxMessageView) => void;
  retrying: boolean;
}

/** One message in full: recipient, text, state, attempts, the last error, and "send again" for a dead letter. */
export function MessageDrawer({ message: row, id, onClose, onRetry, retrying }: MessageDrawerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const fetched = useOutboxMessage(id);
  const m = fetched.data?.id === id ? fetched.data : row;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={560}
      title={id === null ? '' : t('outbox.drawerTitle', { id })}
      destroyOnHidden
      data-testid="outbox-drawer"
      extra={
        m?.status === 'dead' && (
          <Button
            danger
            type="primary"
            icon={<SendOutlined />}
            loading={retrying}
            onClick={() => onRetry(m)}
            data-testid="outbox-drawer-retry"
          >
            {t('outbox.retry.button')}
          </Button>
        )
      }
    >
      {m && (
        <>
          {m.status === 'dead' && <Alert type="info" showIcon message={t('outbox.retry.hint')} style={{ marginBottom: 16 }} />}
          <Descriptions column={1} bordered size="small" labelStyle={{ width: 130 }}>
            <Descriptions.Item label={t('outbox.field.channel')}>{pickText(lang, MESSAGE_CHANNEL_LABELS[m.channel])}</Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.to')}>{m.to}</Descriptions.Item>
            {m.channel === 'mail' && <Descriptions.Item label={t('outbox.field.subject')}>{m.subject ?? '—'}</Descriptions.Item>}
            <Descriptions.Item label={t('outbox.field.text')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="outbox-drawer-text">
                {m.text}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.kind')}>{m.kind}</Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.entity')}>
              {m.entityType ? `${m.entityType} #${m.entityId ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.status')}>
              <span data-testid="outbox-drawer-status">
                <MessageStatusTag message={m} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.attempts')}>
              <AttemptsText message={m} />
            </Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.lastError')}>
              {m.lastError ? <Typography.Text type={m.status === 'sent' ? 'secondary' : 'danger'}>{m.lastError}</Typography.Text> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.createdAt')}>{formatMoment(m.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.nextAttemptAt')}>
              {m.nextAttemptAt ? formatMoment(m.nextAttemptAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.sentAt')}>{m.sentAt ? formatMoment(m.sentAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('outbox.field.via')}>{m.via ? t(`outbox.via.${m.via}`) : '—'}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Drawer>
  );
}
