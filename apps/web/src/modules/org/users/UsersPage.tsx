import { PlusOutlined } from '@ant-design/icons';
import type { User } from '@courtassist/contracts';
import { Alert, Button, Card, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { Page } from '../../../shared/components/Page';
import { formatMoment } from '../../../shared/lib/format';
import { useLang } from '../../../shared/lib/lang';
import { usePagination } from '../../../shared/lib/usePagination';
import { useUrlNumbers } from '../../../shared/lib/useUrlNumbers';
import { useCan } from '../../auth';
import { type UserSortField, useUsers } from '../api/users';
import { useRoleName } from '../components/useRoleName';
import { ResetPasswordModal } from './ResetPasswordModal';
import { SpecialisationsModal } from './SpecialisationsModal';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { UserFormModal, type UserModalState } from './UserFormModal';
import { UserRowActions } from './UserRowActions';
import { UserStatusTags } from './UserStatusTags';

interface Sort {
  field: UserSortField;
  order: 'asc' | 'desc';
}

const SORTABLE: UserSortField[] = ['id', 'username', 'displayName'];

/** 用户: the users of the courts in scope; create, edit, reset a password, unlock. */
export default function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const manage = can('user.manage');
  const roleName = useRoleName();
  const [{ courtId }, setUrl] = useUrlNumbers('courtId');
  const [filters, setFilters] = useState<Omit<UserFilterValues, 'courtId'>>({});
  const [sort, setSort] = useState<Sort>({ field: 'id', order: 'asc' });
  const { page, pageSize, resetPage, tablePagination } = usePagination();
  const users = useUsers({ courtId, ...filters, sort: sort.field, order: sort.order, page, pageSize });
  const [modal, setModal] = useState<UserModalState | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [specialising, setSpecialising] = useState<User | null>(null);
  const editingUser = modal?.mode === 'edit' ? (users.data?.items.find((u) => u.id === modal.id) ?? null) : null;

  const sortOrder = (field: UserSortField) => (sort.field === field ? (sort.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableProps<User>['columns'] = [
    { title: 'ID', dataIndex: 'id', width: 64, sorter: true, sortOrder: sortOrder('id') },
    { title: t('org.user.username'), dataIndex: 'username', width: 124, sorter: true, sortOrder: sortOrder('username') },
    { title: t('org.user.displayName'), dataIndex: 'displayName', width: 90, sorter: true, sortOrder: sortOrder('displayName') },
    {
      title: t('org.user.courtAndDepartment'),
      key: 'court',
      width: 170,
      render: (_, u) => (
        <>
          <div>{u.courtName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.departmentName ?? t('workbench.noDepartment')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('org.user.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((code) => (
            <Tag key={code}>{roleName(code)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('common.status'), key: 'status', width: 100, render: (_, u) => <UserStatusTags user={u} /> },
    { title: t('org.user.lastLoginAt'), dataIndex: 'lastLoginAt', width: 160, render: (at: string | null) => formatMoment(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_, u) => (
        <UserRowActions
          user={u}
          onEdit={() => setModal({ mode: 'edit', id: u.id })}
          onResetPassword={() => setResetting(u)}
          onSpecialisations={() => setSpecialising(u)}
        />
      ),
    },
  ];

  const onTableChange: TableProps<User>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<User>;
    const field = SORTABLE.includes(s.field as UserSortField) ? (s.field as UserSortField) : 'id';
    setSort(s.order ? { field, order: s.order === 'descend' ? 'desc' : 'asc' } : { field: 'id', order: 'asc' });
    resetPage();
  };

  return (
    <Page
      testId="page-users"
      title={t('nav.users')}
      description={t('org.user.description')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create', courtId })} data-testid="user-create">
            {t('org.user.create')}
          </Button>
        )
      }
    >
      <Card>
        <UserFilters
          value={{ courtId, ...filters }}
          onChange={(patch) => {
            const { courtId: nextCourt, ...rest } = patch;
            if ('courtId' in patch) setUrl({ courtId: nextCourt });
            setFilters((f) => ({ ...f, ...rest }));
            resetPage();
          }}
        />
        {users.isError && <Alert type="error" showIcon message={problemText(users.error, lang)} style={{ marginBottom: 16 }} />}
        <Table<User>
          rowKey="id"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          columns={columns}
          onChange={onTableChange}
          pagination={tablePagination(users.data?.total ?? 0)}
          scroll={{ x: 1100 }}
        />
      </Card>
      <UserFormModal state={modal} user={editingUser} onClose={() => setModal(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <SpecialisationsModal user={specialising} onClose={() => setSpecialising(null)} />
    </Page>
  );
}
