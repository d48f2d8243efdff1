import { ReloadOutlined } from '@ant-design/icons';
import type { TeamBoard } from '@courtassist/contracts';
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Table, type TableProps, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemText } from '../../shared/api/problem';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { useCan, useMe } from '../auth';
import { useCentreTeams, useTeamBoard } from './api';
import { ExportButton } from './ExportButton';
import { type HandOverFrom, HandOverModal } from './HandOverModal';
import { useListParams } from './useListParams';

const LoadChart = lazy(() => import('./LoadChart'));
const PARAMS = { teamId: { fallback: '' } };

type Member = TeamBoard['members'][number];

function MembersTable({ board, onHandOver }: { board: TeamBoard; onHandOver?: (from: HandOverFrom) => void }) {
  const { t } = useTranslation();
  const columns: TableProps<Member>['columns'] = [
    { title: t('workOrders.board.member'), dataIndex: 'name' },
    { title: t('workOrders.board.accepted'), dataIndex: 'accepted', width: 90, align: 'right' },
    { title: t('workOrders.board.inProgress'), dataIndex: 'inProgress', width: 90, align: 'right' },
    { title: t('workOrders.board.load'), dataIndex: 'load', width: 100, align: 'right', render: (n: number) => <strong>{n}</strong> },
    {
      title: t('workOrders.board.overdue'),
      dataIndex: 'overdue',
      width: 90,
      align: 'right',
      render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
    },
    { title: t('workOrders.board.doneLast30Days'), dataIndex: 'doneLast30Days', width: 130, align: 'right' },
  ];
  if (onHandOver) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, m: Member) => (
        <Button
          type="link"
          size="small"
          disabled={m.load === 0}
          onClick={() => onHandOver({ userId: m.userId, name: m.name, load: m.load })}
          data-testid="member-hand-over"
        >
          {t('workOrders.board.handOver')}
        </Button>
      ),
    });
  }
  return (
    <Table<Member>
      data-testid="board-members"
      rowKey="userId"
      size="middle"
      columns={columns}
      dataSource={board.members}
      pagination={false}
    />
  );
}

/** 团队看板: who holds what in a centre team, as a chart and a table; leaders hand one member's orders over. */
export default function TeamBoardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useMe();
  const leader = can('order.dispatch');
  const teams = useCentreTeams();
  const [params, setParams] = useListParams(PARAMS);
  const [handing, setHanding] = useState<HandOverFrom | null>(null);
  const choices = (teams.data?.items ?? []).filter((x) => leader || x.members.some((m) => m.userId === me.data?.id));
  const mine = choices.find((x) => x.members.some((m) => m.userId === me.data?.id));
  const teamId = Number(params.teamId) > 0 ? Number(params.teamId) : (mine ?? choices[0])?.id;
  const board = useTeamBoard(teamId);
  const data = board.data;

  return (
    <Page
      testId="page-team-board"
      title={t('workOrders.board.title')}
      description={t('workOrders.board.description')}
      extra={
        <>
          <Select<number>
            value={teamId}
            placeholder={t('workOrders.board.teamPlaceholder')}
            aria-label={t('workOrders.board.team')}
            onChange={(v) => setParams({ teamId: String(v) })}
            options={choices.map((x) => ({ value: x.id, label: `${x.name} · ${x.courtName}` }))}
            style={{ minWidth: 260 }}
            loading={teams.isPending}
            data-testid="board-team"
          />
          {teamId !== undefined && <ExportButton request={{ kind: 'board', teamId }} />}
          <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()} loading={board.isFetching} disabled={!teamId}>
            {t('common.refresh')}
          </Button>
        </>
      }
    >
      {(teams.isError || board.isError) && (
        <Alert type="error" showIcon message={problemText(teams.error ?? board.error, lang)} style={{ marginBottom: 16 }} />
      )}
      {teams.isSuccess && choices.length === 0 && <Empty description={t('workOrders.board.noTeams')} />}
      {teamId !== undefined && !data && board.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={8}>
            <Card>
              <Flex gap={32} wrap>
                <Link to={`/work-orders/pool?teamId=${data.teamId}`}>
                  <Statistic title={t('workOrders.board.pool')} value={data.pool} />
                </Link>
                <Statistic
                  title={t('workOrders.board.poolOverdue')}
                  value={data.poolOverdue}
                  valueStyle={data.poolOverdue > 0 ? { color: '#cf1322' } : undefined}
                />
              </Flex>
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            <Card title={t('workOrders.board.members')}>
              {data.members.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 200 }} />}>
                  <LoadChart board={data} />
                </Suspense>
              )}
            </Card>
          </Col>
          <Col xs={24}>
            <Card>
              <MembersTable board={data} onHandOver={leader ? setHanding : undefined} />
            </Card>
          </Col>
        </Row>
      )}
      {leader && teamId !== undefined && <HandOverModal teamId={teamId} from={handing} onClose={() => setHanding(null)} />}
    </Page>
  );
}
