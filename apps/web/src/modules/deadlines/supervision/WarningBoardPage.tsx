import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { useUrlNumbers } from '../../../shared/lib/useUrlNumbers';
import { useCan } from '../../auth';
import { useWarningBoard } from './api';
import { BoardFilters } from './BoardFilters';
import { BoardTable } from './BoardTable';
import { BOARD_GROUPS, type BoardGroup, boardRows } from './grouping';
import { LevelCards } from './LevelCards';
import { WarningSettingsDrawer } from './WarningSettingsDrawer';

const BoardChart = lazy(() => import('./BoardChart'));

/** How many rows the chart draws; the table lists them all. */
const CHART_ROWS = 15;

/** 预警看板: open cases by warning level in the user's scope, per court, department or judge. */
export default function WarningBoardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [scope, setScope] = useUrlNumbers('courtId', 'departmentId', 'judgeId');
  const [chosenGroup, setGroup] = useState<BoardGroup | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const board = useWarningBoard(scope);
  const data = board.data;

  // Several courts in view: by court first; a single court: by department.
  const group: BoardGroup = chosenGroup ?? (data && data.byCourt.length > 1 ? 'court' : 'department');
  const rows = useMemo(() => (data ? boardRows(data, group, t) : []), [data, group, t]);
  const groupLabel = t(`supervision.board.groupBy.${group}`);
  // Departments and judges of several courts share names (民事审判第一庭 in every court).
  const ambiguous = group !== 'court' && !scope.courtId && (data?.byCourt.length ?? 0) > 1;

  return (
    <Page
      testId="page-warning-board"
      title={t('supervision.board.title')}
      description={t('supervision.board.description')}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()} loading={board.isFetching}>
            {t('common.refresh')}
          </Button>
          {can('warning.manage') && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="board-settings">
              {t('supervision.settings.action')}
            </Button>
          )}
        </>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <BoardFilters value={scope} onChange={setScope} />
      </Card>
      {board.isError && <Alert type="error" showIcon message={problemText(board.error, lang)} style={{ marginBottom: 16 }} />}
      {!data ? (
        board.isPending && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <LevelCards counts={data.counts} scope={scope} />
          <Card
            title={t('supervision.board.distribution')}
            extra={
              <Segmented<BoardGroup>
                value={group}
                onChange={setGroup}
                options={BOARD_GROUPS.map((g) => ({ value: g, label: t(`supervision.board.groupBy.${g}`) }))}
                data-testid="board-group"
              />
            }
          >
            {rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.board.empty')} />
            ) : (
              <>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                  {t('supervision.board.chartHint')}
                  {rows.length > CHART_ROWS && ` ${t('supervision.board.chartTop', { shown: CHART_ROWS, count: rows.length })}`}
                </Typography.Text>
                {ambiguous && <Alert type="info" showIcon message={t('supervision.board.chooseCourt')} style={{ marginBottom: 8 }} />}
                <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
                  <BoardChart rows={rows.slice(0, CHART_ROWS)} groupLabel={groupLabel} />
                </Suspense>
              </>
            )}
            <div style={{ marginTop: 16 }}>
              <BoardTable rows={rows} group={group} scope={scope} totals={data.counts} loading={board.isFetching} />
            </div>
          </Card>
        </>
      )}
      {can('warning.manage') && <WarningSettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />}
    </Page>
  );
}
