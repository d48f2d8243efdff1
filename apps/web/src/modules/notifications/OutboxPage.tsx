import { EyeOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import {
  MESSAGE_CHANNEL_LABELS,
  MESSAGE_CHANNELS,
  MESSAGE_STATUS_LABELS,
  MESSAGE_STATUSES,
  type MessageChannel,
  type MessageStatus,
  type OutboxMessageView,
} from '@courtassist/contracts';
import { Alert, App, Badge, Button, Card, DatePicker, Form, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { Page } from '../../shared/components/Page';
import { pickText, useLang } from '../../shared/lib/lang';
import { usePagination } from '../../shared/lib/usePagination';
import { type OutboxFilter, useOutbox, useRetryMessage } from './api';
import { MessageDrawer } from './MessageDrawer';
import { AttemptsText, MessageMoments, MessageStatusTag } from './tags';

const DAY = 'YYYY-MM-DD';

/** 消息发送队列: the SMS and mail of the administrator's scope, their state, and the dead letters to send again. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const onError = useProblemHandler();
  const [filter, setFilter] = useState<OutboxFilter>({});
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { page, pageSize, resetPage, tablePagination } = usePagination();
  const outbox = useOutbox(filter, page, pageSize);
  const retry = useRetryMessage();
  const [openId, setOpenId] = useState<number | null>(null);
  const open = outbox.data?.items.find((m) => m.id === openId) ?? null;
  const development = outbox.data?.developmentChannels ?? [];

  const change = (patch: OutboxFilter) => {
    setFilter((f) => ({ ...f, ...patch }));
    resetPage();
  };
  const sendAgain = (m: OutboxMessageView) =>
    retry.mutate(m.id, { onSuccess: () => void message.success(t('outbox.retry.done')), onError: (error) => onError(error) });

  const columns: TableProps<OutboxMessageView>['columns'] = [
    { title: t('outbox.field.id'), dataIndex: 'id', width: 60 },
    {
      title: `${t('outbox.field.channel')} / ${t('outbox.field.kind')}`,
      key: 'channel',
      width: 130,
      render: (_, m) => (
        <>
          <Tag color={m.channel === 'sms' ? 'cyan' : 'geekblue'}>{pickText(lang, MESSAGE_CHANNEL_LABELS[m.channel])}</Tag>
          <Typography.Text type="secondary" ellipsis={{ tooltip: m.kind }} style={{ display: 'block', fontSize: 12, maxWidth: 114 }}>
            {m.kind}
          </Typography.Text>
        </>
      ),
    },
    {
      title: `${t('outbox.field.to')} / ${t('outbox.field.text')}`,
      key: 'to',
      width: 180,
      render: (_, m) => (
        <>
          <div>{m.to}</div>
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 164 }}>
            {m.subject ?? m.text}
          </Typography.Text>
        </>
      ),
    },
    {
      title: `${t('outbox.field.status')} / ${t('outbox.field.attempts')}`,
      key: 'status',
      width: 180,
      render: (_, m) => (
        <>
          <MessageStatusTag message={m} />
          <div style={{ fontSize: 12 }}>
            <AttemptsText message={m} />
          </div>
        </>
      ),
    },
    {
      title: t('outbox.field.lastError'),
      key: 'lastError',
      // A sent message keeps the error of its earlier failed attempt, shown as history rather than alarm.
      render: (_, m) =>
        m.lastError ? (
          <Typography.Text
            type={m.status === 'sent' ? 'secondary' : 'danger'}
            ellipsis={{ tooltip: m.lastError }}
            style={{ display: 'block', fontSize: 12 }}
          >
            {m.lastError}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('outbox.field.times'), key: 'moments', width: 220, render: (_, m) => <MessageMoments message={m} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_, m) => (
        <Space size={4}>
          <Button size="small" icon={<EyeOutlined />} onClick={() => setOpenId(m.id)} data-testid="outbox-view">
            {t('outbox.view')}
          </Button>
          {m.status === 'dead' && (
            <Button
              size="small"
              danger
              icon={<SendOutlined />}
              loading={retry.isPending && retry.variables === m.id}
              onClick={() => sendAgain(m)}
              data-testid="outbox-retry"
            >
              {t('outbox.retry.button')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page
      testId="page-outbox"
      title={t('outbox.title')}
      description={t('outbox.description')}
      extra={
        <Space>
          <Badge
            count={outbox.data?.dead ?? 0}
            showZero
            color={(outbox.data?.dead ?? 0) > 0 ? undefined : 'green'}
            overflowCount={9999}
            data-testid="outbox-dead-count"
          >
            <Button danger={(outbox.data?.dead ?? 0) > 0} onClick={() => change({ status: 'dead' })} data-testid="outbox-show-dead">
              {t('outbox.showDead')}
            </Button>
          </Badge>
          <Button icon={<ReloadOutlined />} onClick={() => void outbox.refetch()} data-testid="outbox-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      {development.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="outbox-development"
          message={t('outbox.developmentAlert', {
            channels: development.map((c) => pickText(lang, MESSAGE_CHANNEL_LABELS[c])).join(t('common.listSeparator')),
          })}
        />
      )}
      <Card>
        <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
          <Form.Item label={t('outbox.filter.channel')}>
            <Select<MessageChannel | null>
              allowClear
              value={filter.channel ?? null}
              placeholder={t('outbox.filter.allChannels')}
              options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: pickText(lang, MESSAGE_CHANNEL_LABELS[c]) }))}
              style={{ width: 140 }}
              data-testid="outbox-channel"
              onChange={(channel) => change({ channel: channel ?? undefined })}
            />
          </Form.Item>
          <Form.Item label={t('outbox.filter.status')}>
            <Select<MessageStatus | null>
              allowClear
              value={filter.status ?? null}
              placeholder={t('outbox.filter.allStatuses')}
              options={MESSAGE_STATUSES.map((s) => ({ value: s, label: pickText(lang, MESSAGE_STATUS_LABELS[s]) }))}
              style={{ width: 180 }}
              popupMatchSelectWidth={false}
              data-testid="outbox-status"
              onChange={(status) => change({ status: status ?? undefined })}
            />
          </Form.Item>
          <Form.Item label={t('outbox.filter.days')}>
            <DatePicker.RangePicker
              format={DAY}
              allowEmpty={[true, true]}
              value={days}
              style={{ width: 250 }}
              data-testid="outbox-days"
              onChange={(range) => {
                setDays(range);
                change({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) });
              }}
            />
          </Form.Item>
        </Form>
        {outbox.isError && <Alert type="error" showIcon message={problemText(outbox.error, lang)} style={{ marginBottom: 16 }} />}
        <Table<OutboxMessageView>
          data-testid="outbox-table"
          rowKey="id"
          loading={outbox.isFetching}
          dataSource={outbox.data?.items ?? []}
          columns={columns}
          pagination={tablePagination(outbox.data?.total ?? 0)}
          scroll={{ x: 1060 }}
          onRow={(m) => ({ 'data-message-id': m.id, 'data-status': m.status }) as object}
          locale={{ emptyText: t('outbox.empty') }}
        />
      </Card>
      <MessageDrawer message={open} id={openId} onClose={() => setOpenId(null)} onRetry={sendAgain} retrying={retry.isPending} />
    </Page>
  );
}
