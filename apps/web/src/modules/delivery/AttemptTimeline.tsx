import { PaperClipOutlined } from '@ant-design/icons';
import type { DeliveryAttemptView, DeliveryElectronicSendView } from '@courtassist/contracts';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { evidenceUrl } from './api';
import { EvidenceUpload } from './EvidenceUpload';
import { methodName, outcomeName, postalStatusName } from './labels';

/**
 * The attempts, newest first: method, outcome, time, person and the method's own facts, with the
 * evidence. Electronic sends that are not (or never became) an attempt come first: awaiting their
 * result, or sent after the task was settled otherwise.
 */
export function AttemptTimeline({
  attempts,
  sends = [],
  editable,
}: {
  attempts: DeliveryAttemptView[];
  sends?: DeliveryElectronicSendView[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const loose = sends.filter((s) => s.attemptId === null);
  if (attempts.length === 0 && loose.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delivery.drawer.noAttempts')} />;
  const newestFirst = [...attempts].sort((a, b) => b.attemptedAt.localeCompare(a.attemptedAt) || b.id - a.id);
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={[
        ...[...loose].reverse().map((send) => ({
          key: `send-${send.id}`,
          color: send.status === 'awaiting' ? 'blue' : 'gray',
          children: <SendItem send={send} />,
        })),
        ...newestFirst.map((attempt) => ({
          key: attempt.id,
          color: attempt.outcome === 'success' ? 'green' : 'red',
          children: <AttemptItem attempt={attempt} editable={editable} />,
        })),
      ]}
    />
  );
}

/** An electronic send without an attempt: awaiting its result, or sent or failed after the task was settled. */
function SendItem({ send }: { send: DeliveryElectronicSendView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const facts = [
    t('delivery.attempt.sentTo', { address: send.address }),
    send.readAt && t('delivery.attempt.readOn', { time: formatMoment(send.readAt) }),
  ].filter(Boolean);
  return (
    <div data-testid="delivery-electronic-send" data-send={send.id} data-status={send.status}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>
          {methodName('electronic', lang)} · {t(send.channel === 'sms' ? 'delivery.electronic.sms' : 'delivery.electronic.mail')}
        </Typography.Text>
        {send.status === 'awaiting' ? (
          <Tag color="processing" bordered={false}>
            {t('delivery.electronic.awaiting')}
          </Tag>
        ) : (
          <Tag bordered={false}>{t('delivery.electronic.late')}</Tag>
        )}
        <Typography.Text type="secondary">{formatMoment(send.createdAt)}</Typography.Text>
      </Flex>
      <div style={{ fontSize: 13 }}>{t('delivery.electronic.sentBy', { name: send.sentBy })}</div>
      <div style={{ fontSize: 13 }}>{facts.join(' · ')}</div>
      {send.error && (
        <Typography.Text type="danger" style={{ fontSize: 13 }}>
          {t('delivery.electronic.failed', { error: send.error })}
        </Typography.Text>
      )}
    </div>
  );
}

function AttemptItem({ attempt, editable }: { attempt: DeliveryAttemptView; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const facts = [
    attempt.trackingNumber && t('delivery.attempt.tracking', { number: attempt.trackingNumber }),
    attempt.postalReturnStatus && postalStatusName(attempt.postalReturnStatus, lang),
    attempt.electronicAddress && t('delivery.attempt.sentTo', { address: attempt.electronicAddress }),
    attempt.readAt && t('delivery.attempt.readOn', { time: formatMoment(attempt.readAt) }),
    attempt.entrustedCourt && t('delivery.attempt.entrustedTo', { court: attempt.entrustedCourt }),
    attempt.publishedOn && t('delivery.attempt.published', { date: attempt.publishedOn }),
  ].filter(Boolean);
  return (
    <div data-testid="delivery-attempt" data-attempt={attempt.id} data-outcome={attempt.outcome}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{methodName(attempt.method, lang)}</Typography.Text>
        <Tag color={attempt.outcome === 'success' ? 'success' : 'error'} bordered={false}>
          {outcomeName(attempt.outcome, lang)}
        </Tag>
        <Typography.Text type="secondary">{formatMoment(attempt.attemptedAt)}</Typography.Text>
      </Flex>
      <div style={{ fontSize: 13 }}>
        {attempt.person} · {t('delivery.attempt.recordedBy', { name: attempt.recordedBy })}
      </div>
      {facts.length > 0 && <div style={{ fontSize: 13 }}>{facts.join(' · ')}</div>}
      {attempt.effectiveOn && (
        <Typography.Text type="warning" style={{ fontSize: 13 }} data-testid="delivery-effective-on">
          {t('delivery.attempt.effectiveOn', { date: attempt.effectiveOn })}
        </Typography.Text>
      )}
      {attempt.note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }}>
          {attempt.note}
        </Typography.Paragraph>
      )}
      <Flex gap={12} align="center" wrap style={{ marginTop: 4 }}>
        {attempt.evidenceType && (
          <Typography.Link href={evidenceUrl(attempt.id)} download data-testid="delivery-evidence-link">
            <PaperClipOutlined /> {t('delivery.evidence.view')}
          </Typography.Link>
        )}
        {editable && <EvidenceUpload attemptId={attempt.id} replacing={!!attempt.evidenceType} />}
      </Flex>
    </div>
  );
}
