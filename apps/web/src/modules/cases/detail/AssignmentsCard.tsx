import type { CaseDetail } from '@courtassist/contracts';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../../shared/lib/format';

type Assignment = CaseDetail['assignments'][number];

/** 分案记录: every assignment of the case, automatic or manual with its reason; recusals below. */
export function AssignmentsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('cases.assign.history')} style={{ marginBottom: 16 }} data-testid="case-assignments">
      {detail.assignments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.assign.none')} />
      ) : (
        <Table<Assignment>
          size="small"
          rowKey={(a) => `${a.assignedAt}-${a.judgeId}`}
          pagination={false}
          dataSource={[...detail.assignments].reverse()}
          columns={[
            { title: t('cases.assign.at'), dataIndex: 'assignedAt', width: 160, render: (at: string) => formatMoment(at) },
            { title: t('cases.field.judge'), dataIndex: 'judgeName', width: 90 },
            {
              title: t('cases.assign.method'),
              dataIndex: 'method',
              width: 90,
              render: (method: string) => (
                <Tag color={method === 'auto' ? 'blue' : 'orange'}>
                  {t(method === 'auto' ? 'cases.assign.auto' : 'cases.assign.manual')}
                </Tag>
              ),
            },
            { title: t('cases.assign.by'), dataIndex: 'assignedByName', width: 90, render: (v: string | null) => v ?? '—' },
            { title: t('cases.assign.reason'), dataIndex: 'reason', render: (v: string) => v || '—' },
          ]}
          scroll={{ x: 560 }}
        />
      )}
      {detail.recusals.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('cases.assign.recused')}
          {detail.recusals.map((r) => `${r.judgeName}（${r.reason}）`).join(t('common.listSeparator'))}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
