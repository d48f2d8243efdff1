import { MESSAGE_MAX_ATTEMPTS, MESSAGE_STATUS_LABELS, type MessageStatus, type OutboxMessageView } from '@courtassist/contracts';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../shared/lib/format';
import { pickText, useLang } from '../../shared/lib/lang';

const STATUS_COLOURS: Record<MessageStatus, string> = { pending: 'processing', sent: 'success', dead: 'error' };

/** The state of a message; one "sent" through the development channel says it never left. */
export function MessageStatusTag({ message }: { message: Pick<OutboxMessageView, 'status' | 'via'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Space size={[0, 4]} wrap>
      <Tag color={STATUS_COLOURS[message.status]} data-testid="outbox-status-tag">
        {pickText(lang, MESSAGE_STATUS_LABELS[message.status])}
      </Tag>
      {message.via === 'development' && (
        <Tag color="warning" style={{ whiteSpace: 'normal' }} data-testid="outbox-development-tag">
          {t('outbox.development')}
        </Tag>
      )}
    </Space>
  );
}

export function AttemptsText({ message }: { message: Pick<OutboxMessageView, 'attempts' | 'status'> }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type={message.status === 'dead' ? 'danger' : undefined}>
      {t('outbox.field.attemptsOf', { attempts: message.attempts, max: MESSAGE_MAX_ATTEMPTS })}
    </Typography.Text>
  );
}

/** When a message is due next (or was sent), and when it was queued. */
export function MessageMoments({ message }: { message: Pick<OutboxMessageView, 'nextAttemptAt' | 'sentAt' | 'createdAt'> }) {
  const { t } = useTranslation();
  const line = (label: string, at: string) => (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>{' '}
      {formatMoment(at)}
    </div>
  );
  return (
    <div style={{ fontSize: 12 }}>
      {message.nextAttemptAt && line(t('outbox.field.nextAttemptAt'), message.nextAttemptAt)}
      {message.sentAt && line(t('outbox.field.sentAt'), message.sentAt)}
      {line(t('outbox.field.createdAt'), message.createdAt)}
    </div>
  );
}
