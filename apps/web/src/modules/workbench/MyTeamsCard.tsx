import type { Workbench } from '@courtassist/contracts';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateOptional } from '../../shared/lib/i18n';

const POSITION_COLORS: Record<string, string> = { judge: 'red', assistant: 'blue', clerk: 'green' };

/** The trial teams the user belongs to, with the user's position and the members. */
export function MyTeamsCard({ teams }: { teams: Workbench['teams'] }) {
  const { t } = useTranslation();
  const position = (p: string) => translateOptional(t, `org.team.position.${p}`, p);
  return (
    <Card title={t('workbench.myTeamsTitle')} style={{ height: '100%' }}>
      {teams.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noTeams')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={teams}
          pagination={teams.length > 3 ? { pageSize: 3, size: 'small', showTotal: (count) => t('common.total', { count }) } : false}
          renderItem={(team) => (
            <List.Item key={team.id}>
              <Space size={8} style={{ marginBottom: 8 }} wrap>
                <Typography.Text strong>{team.name}</Typography.Text>
                <Tag color={POSITION_COLORS[team.position]}>{t('workbench.myPosition', { position: position(team.position) })}</Tag>
              </Space>
              <div>
                <Space size={[0, 4]} wrap>
                  {team.members.map((m) => (
                    <Tag key={`${m.position}-${m.userId}`} color={POSITION_COLORS[m.position]} bordered={false}>
                      {position(m.position)} · {m.displayName}
                    </Tag>
                  ))}
                </Space>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
