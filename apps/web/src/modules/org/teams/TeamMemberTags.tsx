import { TEAM_POSITIONS } from '@courtassist/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isPosition, POSITION_COLORS, POSITION_KEYS } from './positions';

interface Member {
  userId: number;
  displayName: string;
  position: string;
}

/** Team members as tags, judges first, coloured by position. */
export function TeamMemberTags({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <Typography.Text type="secondary">{t('org.team.noMembers')}</Typography.Text>;
  const rank = (p: string) => (isPosition(p) ? TEAM_POSITIONS.indexOf(p) : TEAM_POSITIONS.length);
  const sorted = [...members].sort((a, b) => rank(a.position) - rank(b.position));
  return (
    <Space size={[0, 4]} wrap>
      {sorted.map((m) => (
        <Tooltip key={`${m.position}-${m.userId}`} title={isPosition(m.position) ? t(POSITION_KEYS[m.position]) : m.position}>
          <Tag color={isPosition(m.position) ? POSITION_COLORS[m.position] : undefined}>
            {isPosition(m.position) ? `${t(POSITION_KEYS[m.position])} · ` : ''}
            {m.displayName}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
