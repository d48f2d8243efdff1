import { BankOutlined, HistoryOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Workbench } from '@courtassist/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

/** Counts in the user's scope. */
export function ScopeStatistics({ workbench }: { workbench: Workbench }) {
  const { t } = useTranslation();
  const operations = workbench.activityByDay.reduce((sum, d) => sum + d.count, 0);
  const stats = [
    { key: 'courts', title: t('workbench.courtsInScope'), value: workbench.courtsInScope, icon: <BankOutlined /> },
    { key: 'users', title: t('workbench.usersInScope'), value: workbench.usersInScope, icon: <UserOutlined /> },
    { key: 'teams', title: t('workbench.myTeams'), value: workbench.teams.length, icon: <TeamOutlined /> },
    { key: 'ops', title: t('workbench.operations14'), value: operations, icon: <HistoryOutlined /> },
  ];
  return (
    <Row gutter={[16, 16]}>
      {stats.map((s) => (
        <Col xs={12} key={s.key}>
          <Card size="small" data-testid={`stat-${s.key}`}>
            <Statistic title={s.title} value={s.value} prefix={s.icon} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
