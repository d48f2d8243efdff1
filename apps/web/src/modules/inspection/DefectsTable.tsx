import type { DefectView } from '@courtassist/contracts';
import { Table, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoment } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { DefectActions } from './DefectActions';
import { correctionStatusName, DefectStatusTag, SeverityTag } from './labels';

interface DefectsTableProps {
  defects: DefectView[];
  loading: boolean;
  onWaive: (defect: DefectView) => void;
  footer?: () => ReactNode;
}

function Correction({ defect }: { defect: DefectView }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (defect.correctionOrderId === null) return <Typography.Text type="secondary">{t('inspection.field.noCorrection')}</Typography.Text>;
  return (
    <Link to={`/work-orders/${defect.correctionOrderId}`} data-testid="defect-correction">
      {defect.correctionStatus ? correctionStatusName(defect.correctionStatus, lang) : `#${defect.correctionOrderId}`}
    </Link>
  );
}

/** The defects with their case, person, dates, state and correction order; actions for inspectors. */
export function DefectsTable({ defects, loading, onWaive, footer }: DefectsTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const manage = can('inspection.manage');
  const columns: TableProps<DefectView>['columns'] = [
    {
      title: t('inspection.field.caseNumber'),
      dataIndex: 'caseNumber',
      width: 200,
      render: (caseNumber: string, d) => (
        <>
          <Link to={`/cases/${d.caseId}`} data-testid="defect-case">
            {caseNumber}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {d.courtName}
            {d.departmentName ? ` · ${d.departmentName}` : ''}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('inspection.field.rule'),
      dataIndex: 'ruleCode',
      render: (_: string, d) => (
        <>
          <SeverityTag severity={d.severity} /> {lang === 'en' ? d.ruleNameEn : d.ruleNameZh}
          {d.waivedReason && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('inspection.field.waivedReason')}：{d.waivedReason}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('inspection.field.responsible'), dataIndex: 'responsibleName', width: 120, render: (n: string | null) => n ?? '—' },
    {
      title: `${t('inspection.field.firstFound')} / ${t('inspection.field.lastSeen')}`,
      key: 'seen',
      width: 180,
      render: (_: unknown, d) => (
        <>
          <div>{formatMoment(d.firstFoundAt)}</div>
          <Typography.Text type="secondary">{formatMoment(d.lastSeenAt)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('inspection.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (_: string, d) => <DefectStatusTag status={d.status} />,
    },
    { title: t('inspection.field.correction'), key: 'correction', width: 110, render: (_: unknown, d) => <Correction defect={d} /> },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_: unknown, d) => <DefectActions defect={d} onWaive={onWaive} />,
    });
  }

  return (
    <Table<DefectView>
      data-testid="defects-table"
      rowKey="id"
      loading={loading}
      dataSource={defects}
      columns={columns}
      pagination={false}
      scroll={{ x: 1100 }}
      onRow={(d) => ({ 'data-defect-id': d.id, 'data-rule': d.ruleCode }) as object}
      locale={{ emptyText: t('inspection.list.empty') }}
      footer={footer}
    />
  );
}
