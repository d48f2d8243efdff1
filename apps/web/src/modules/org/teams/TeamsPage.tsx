import { EditOutlined, PlusOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { Team } from '@courtassist/contracts';
import { Alert, Button, Card, Flex, Form, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { usePagination } from '../../../shared/lib/usePagination';
import { useUrlNumbers } from '../../../shared/lib/useUrlNumbers';
import { EntityHistory } from '../../audit';
import { useCan } from '../../auth';
import { useTeams } from '../api/teams';
import { CourtTreeSelect } from '../components/CourtTreeSelect';
import { DepartmentSelect } from '../components/DepartmentSelect';
import { TeamFormModal, type TeamModalState } from './TeamFormModal';
import { TeamMembersModal } from './TeamMembersModal';
import { TeamMemberTags } from './TeamMemberTags';
import { TemplateText } from './TemplateText';

/** 审判团队: trial teams by court and department, their template and members. */
export default function TeamsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const manage = can('org.manage');
  const [{ courtId, departmentId }, setFilter] = useUrlNumbers('courtId', 'departmentId');
  const { page, pageSize, resetPage, tablePagination } = usePagination();
  const teams = useTeams({ courtId, departmentId, page, pageSize });
  const [modal, setModal] = useState<TeamModalState | null>(null);
  const [membersOf, setMembersOf] = useState<number | null>(null);
  // The member editor follows the list, so a reload after a conflict shows the current members.
  const membersTeam = teams.data?.items.find((team) => team.id === membersOf) ?? null;

  const columns: TableProps<Team>['columns'] = [
    { title: t('org.team.name'), dataIndex: 'name', width: 180 },
    { title: t('org.court.label'), dataIndex: 'courtName', width: 180 },
    { title: t('org.department.label'), dataIndex: 'departmentName', width: 160 },
    {
      title: t('org.team.template'),
      dataIndex: 'template',
      width: 90,
      render: (template: Team['template']) => <TemplateText template={template} />,
    },
    { title: t('org.team.members'), dataIndex: 'members', render: (members: Team['members']) => <TeamMemberTags members={members} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, team) => (
        <Space size={0}>
          {manage && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setModal({ mode: 'edit', team })}>
              {t('common.edit')}
            </Button>
          )}
          {manage && (
            <Button type="link" size="small" icon={<UsergroupAddOutlined />} onClick={() => setMembersOf(team.id)}>
              {t('org.team.editMembers')}
            </Button>
          )}
          <EntityHistory entityType="team" entityId={team.id} name={team.name} iconOnly />
        </Space>
      ),
    },
  ];

  return (
    <Page
      testId="page-teams"
      title={t('nav.teams')}
      description={t('org.team.description')}
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ mode: 'create', courtId, departmentId })}
            data-testid="team-create"
          >
            {t('org.team.create')}
          </Button>
        )
      }
    >
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Form.Item label={t('org.court.label')} style={{ marginBottom: 0 }}>
            <CourtTreeSelect
              allowClear
              value={courtId}
              placeholder={t('org.court.all')}
              style={{ width: 280 }}
              onChange={(value) => {
                setFilter({ courtId: value, departmentId: null });
                resetPage();
              }}
            />
          </Form.Item>
          <Form.Item label={t('org.department.label')} style={{ marginBottom: 0 }}>
            <DepartmentSelect
              allowClear
              courtId={courtId}
              value={departmentId}
              placeholder={t('org.department.all')}
              style={{ width: 240 }}
              onChange={(value) => {
                setFilter({ departmentId: value });
                resetPage();
              }}
            />
          </Form.Item>
        </Flex>
        {teams.isError && <Alert type="error" showIcon message={problemText(teams.error, lang)} style={{ marginBottom: 16 }} />}
        <Table<Team>
          rowKey="id"
          loading={teams.isFetching}
          dataSource={teams.data?.items ?? []}
          columns={columns}
          pagination={tablePagination(teams.data?.total ?? 0)}
          scroll={{ x: 1100 }}
        />
      </Card>
      <TeamFormModal state={modal} onClose={() => setModal(null)} />
      <TeamMembersModal team={membersTeam} onClose={() => setMembersOf(null)} />
    </Page>
  );
}
