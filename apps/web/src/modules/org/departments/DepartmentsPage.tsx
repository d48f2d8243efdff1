import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Department } from '@courtassist/contracts';
import { Alert, Badge, Button, Card, Flex, Form, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { usePagination } from '../../../shared/lib/usePagination';
import { useUrlNumbers } from '../../../shared/lib/useUrlNumbers';
import { EntityHistory } from '../../audit';
import { useCan } from '../../auth';
import { useDepartments } from '../api/departments';
import { CourtTreeSelect } from '../components/CourtTreeSelect';
import { DepartmentFormModal, type DepartmentModalState } from './DepartmentFormModal';
import { DepartmentKindTag } from './DepartmentKindTag';

/** 部门: the departments of the courts in scope, filtered by court. */
export default function DepartmentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const manage = can('org.manage');
  const [{ courtId }, setFilter] = useUrlNumbers('courtId');
  const { page, pageSize, resetPage, tablePagination } = usePagination();
  const departments = useDepartments({ courtId, page, pageSize });
  const [modal, setModal] = useState<DepartmentModalState | null>(null);

  const columns: TableProps<Department>['columns'] = [
    { title: t('org.department.name'), dataIndex: 'name' },
    {
      title: t('org.department.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (kind: Department['kind']) => <DepartmentKindTag kind={kind} />,
    },
    { title: t('org.court.label'), dataIndex: 'courtName' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 120,
      render: (active: boolean) => (
        <Badge status={active ? 'success' : 'default'} text={active ? t('org.department.activeOn') : t('org.department.activeOff')} />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, d) => (
        <Space size={0} wrap>
          {manage && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setModal({ mode: 'edit', department: d })}>
              {t('common.edit')}
            </Button>
          )}
          <EntityHistory entityType="department" entityId={d.id} name={d.name} />
        </Space>
      ),
    },
  ];

  return (
    <Page
      testId="page-departments"
      title={t('nav.departments')}
      description={t('org.department.description')}
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ mode: 'create', courtId })}
            data-testid="department-create"
          >
            {t('org.department.create')}
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
              style={{ width: 300 }}
              onChange={(value) => {
                setFilter({ courtId: value });
                resetPage();
              }}
            />
          </Form.Item>
        </Flex>
        {departments.isError && <Alert type="error" showIcon message={problemText(departments.error, lang)} style={{ marginBottom: 16 }} />}
        <Table<Department>
          rowKey="id"
          loading={departments.isFetching}
          dataSource={departments.data?.items ?? []}
          columns={columns}
          pagination={tablePagination(departments.data?.total ?? 0)}
          scroll={{ x: 800 }}
        />
      </Card>
      <DepartmentFormModal state={modal} onClose={() => setModal(null)} />
    </Page>
  );
}
