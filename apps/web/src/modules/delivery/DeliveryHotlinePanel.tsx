import { PlusOutlined } from '@ant-design/icons';
import type { CaseDetail, DeliveryCallView } from '@courtassist/contracts';
import { Alert, Button, Flex, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { KeysetFooter } from '../../shared/components/KeysetFooter';
import { formatMoment } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { useCalls } from './api';
import { CallModal } from './CallModal';
import { callOutcomeName } from './labels';

const PAGE = 10;

/** The delivery hotline's call log for the case (送达热线), newest first, and logging a new call. */
export function DeliveryHotlinePanel({ detail, editable }: { detail: CaseDetail; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [adding, setAdding] = useState(false);
  const query = useCalls(detail.id, PAGE);
  const calls = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;

  const columns: ColumnsType<DeliveryCallView> = [
    { title: t('delivery.hotline.calledAt'), dataIndex: 'calledAt', width: 170, render: formatMoment },
    { title: t('delivery.hotline.party'), dataIndex: 'partyName', width: 100, render: (name: string | null) => name ?? '—' },
    {
      title: t('delivery.hotline.outcome'),
      dataIndex: 'outcome',
      width: 110,
      render: (outcome: DeliveryCallView['outcome']) => (
        <Tag bordered={false} color={outcome === 'answered' ? 'success' : outcome === 'callback' ? 'processing' : 'warning'}>
          {callOutcomeName(outcome, lang)}
        </Tag>
      ),
    },
    { title: t('delivery.hotline.followUp'), dataIndex: 'followUp', render: (text: string) => text || '—' },
    { title: t('delivery.hotline.recordedBy'), dataIndex: 'recordedBy', width: 90 },
  ];

  return (
    <Flex vertical gap={8} data-testid="delivery-hotline">
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      {editable && (
        <Flex justify="flex-end">
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="call-add">
            {t('delivery.hotline.add')}
          </Button>
        </Flex>
      )}
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={calls}
        loading={query.isPending}
        pagination={false}
        locale={{ emptyText: t('delivery.hotline.empty') }}
        scroll={{ x: 640 }}
        footer={
          total > 0
            ? () => (
                <KeysetFooter
                  summary={t('delivery.hotline.summary', { total, loaded: calls.length })}
                  hasMore={!!query.hasNextPage}
                  loading={query.isFetchingNextPage}
                  onLoadMore={() => void query.fetchNextPage()}
                  testId="delivery-calls"
                />
              )
            : undefined
        }
      />
      <CallModal detail={detail} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
