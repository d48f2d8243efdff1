import type { AuditEntry } from '@courtassist/contracts';
import { Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../shared/lib/format';
import { useAuditLabels } from './labels';

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function formatValue(value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') return ISO_MOMENT.test(value) ? formatMoment(value) : value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface Row {
  field: string;
  before: unknown;
  after: unknown;
}

/** The before/after values of one audit entry. */
export function ChangesTable({ changes }: { changes: AuditEntry['changes'] }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const rows: Row[] = Object.entries(changes).map(([field, change]) => ({ field, before: change.before, after: change.after }));
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('audit.changeField'),
          dataIndex: 'field',
          width: 200,
          render: (field: string) => (
            <span>
              {labels.field(field)}
              {labels.field(field) !== field && (
                <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                  {field}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown) => {
            const text = formatValue(v, t);
            return <Typography.Text delete={text !== '—'}>{text}</Typography.Text>;
          },
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown) => <Typography.Text strong>{formatValue(v, t)}</Typography.Text>,
        },
      ]}
    />
  );
}
