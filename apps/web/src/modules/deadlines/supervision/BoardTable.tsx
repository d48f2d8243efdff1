import type { WarningCounts } from '@courtassist/contracts';
import { Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BoardGroup, BoardRow } from './grouping';
import { rowScope } from './grouping';
import { BOARD_LEVELS, type BoardLevel, type BoardScope, caseListLink, countOf, LEVEL_HEX, levelLabel } from './levels';

interface BoardTableProps {
  rows: BoardRow[];
  group: BoardGroup;
  scope: BoardScope;
  totals: WarningCounts;
  loading: boolean;
}

/** The figure of one level in a row: coloured when not zero, a link to those cases when they can be listed. */
function LevelCell({ value, level, to }: { value: number; level: BoardLevel; to: string | null }) {
  if (value === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  const text = (
    <Typography.Text strong={level !== 'none'} style={{ color: level === 'none' ? undefined : LEVEL_HEX[level] }}>
      {value}
    </Typography.Text>
  );
  return to ? <Link to={to}>{text}</Link> : text;
}

/** The same figures as the chart, every row, with the totals of the whole scope at the foot. */
export function BoardTable({ rows, group, scope, totals, loading }: BoardTableProps) {
  const { t } = useTranslation();
  const columns: TableProps<BoardRow>['columns'] = [
    { title: t('supervision.board.name'), dataIndex: 'name', ellipsis: true, fixed: 'left', width: 200 },
    ...BOARD_LEVELS.map((level) => ({
      key: level,
      title: <span style={{ color: LEVEL_HEX[level] }}>{levelLabel(t, level)}</span>,
      align: 'right' as const,
      width: 110,
      sorter: (a: BoardRow, b: BoardRow) => countOf(a.counts, level) - countOf(b.counts, level),
      render: (_: unknown, row: BoardRow) => {
        const narrowed = rowScope(scope, group, row.id);
        return <LevelCell value={countOf(row.counts, level)} level={level} to={narrowed && caseListLink(narrowed, level)} />;
      },
    })),
    {
      key: 'total',
      title: t('supervision.board.total'),
      align: 'right',
      width: 100,
      sorter: (a, b) => a.counts.total - b.counts.total,
      render: (_, row) => <Typography.Text strong>{row.counts.total}</Typography.Text>,
    },
  ];

  return (
    <Table<BoardRow>
      data-testid="board-table"
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1100 }}
      pagination={{
        defaultPageSize: 10,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (count) => t('common.total', { count }),
      }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('supervision.board.sum')}</Typography.Text>
            </Table.Summary.Cell>
            {BOARD_LEVELS.map((level, i) => (
              <Table.Summary.Cell key={level} index={i + 1} align="right">
                <LevelCell value={countOf(totals, level)} level={level} to={caseListLink(scope, level)} />
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={BOARD_LEVELS.length + 1} align="right">
              <Typography.Text strong data-testid="board-table-total">
                {totals.total}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
