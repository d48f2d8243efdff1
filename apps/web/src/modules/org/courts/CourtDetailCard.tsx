import { ApartmentOutlined, EditOutlined, PlusOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Court } from '@courtassist/contracts';
import { Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { EntityHistory } from '../../audit';
import { useCan } from '../../auth';
import { CourtLevelTag } from '../components/CourtLevelTag';

interface CourtDetailCardProps {
  court: Court | null;
  parent: Court | null;
  childCount: number;
  onEdit: () => void;
  onCreateChild: () => void;
}

/** The selected court: its facts, its links to departments/teams/users, and the actions on it. */
export function CourtDetailCard({ court, parent, childCount, onEdit, onCreateChild }: CourtDetailCardProps) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  if (!court) {
    return (
      <Card title={t('org.court.detail')}>
        <Empty description={t('org.court.selectHint')} />
      </Card>
    );
  }
  const manage = can('org.manage');
  return (
    <Card
      title={court.name}
      data-testid="court-detail"
      extra={
        <Space wrap>
          {manage && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="court-edit">
              {t('common.edit')}
            </Button>
          )}
          {manage && court.level !== 'tribunal' && (
            <Button icon={<PlusOutlined />} onClick={onCreateChild} data-testid="court-create-child">
              {t('org.court.createChild')}
            </Button>
          )}
          <EntityHistory entityType="court" entityId={court.id} name={court.name} asButton />
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, xl: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}>
        <Descriptions.Item label={t('org.court.name')}>{court.name}</Descriptions.Item>
        <Descriptions.Item label={t('org.court.code')}>{court.code}</Descriptions.Item>
        <Descriptions.Item label={t('org.court.level')}>
          <CourtLevelTag level={court.level} />
        </Descriptions.Item>
        <Descriptions.Item label={t('org.court.parent')}>{parent?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.court.address')} span={{ xs: 1, xl: 2 }}>
          {court.address || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.court.jurisdiction')} span={{ xs: 1, xl: 2 }}>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{court.jurisdiction || '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('org.court.children')}>{childCount}</Descriptions.Item>
        <Descriptions.Item label={t('common.version')}>{court.version}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 16 }}>
        <Button type="link" icon={<ApartmentOutlined />} onClick={() => navigate(`/admin/departments?courtId=${court.id}`)}>
          {t('org.court.viewDepartments')}
        </Button>
        <Button type="link" icon={<TeamOutlined />} onClick={() => navigate(`/admin/teams?courtId=${court.id}`)}>
          {t('org.court.viewTeams')}
        </Button>
        {can('user.read') && (
          <Button type="link" icon={<UserOutlined />} onClick={() => navigate(`/admin/users?courtId=${court.id}`)}>
            {t('org.court.viewUsers')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
