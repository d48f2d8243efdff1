import type { CurrentUser, Workbench } from '@courtassist/contracts';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../shared/lib/lang';
import { CourtLevelTag } from '../org';

/** The user's court, department and roles. */
export function MyCourtCard({ workbench, me }: { workbench: Workbench; me: CurrentUser }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { court } = workbench;
  return (
    <Card title={t('workbench.myCourt')} style={{ height: '100%' }}>
      <Descriptions column={1} size="small" labelStyle={{ width: 96 }}>
        <Descriptions.Item label={t('org.court.name')}>
          <Space size={6} wrap>
            <strong>{court.name}</strong>
            <CourtLevelTag level={court.level} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('org.court.code')}>{court.code}</Descriptions.Item>
        <Descriptions.Item label={t('org.court.address')}>{court.address || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.department.label')}>{workbench.department?.name ?? t('workbench.noDepartment')}</Descriptions.Item>
        <Descriptions.Item label={t('org.user.roles')}>
          <Space size={[0, 4]} wrap>
            {me.roles.map((r) => (
              <Tag key={r.code} color="geekblue">
                {lang === 'en' ? r.nameEn : r.nameZh}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
