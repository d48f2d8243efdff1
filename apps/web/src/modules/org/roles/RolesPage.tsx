import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { useRoles } from '../api/roles';
import { PermissionMatrix } from './PermissionMatrix';
import { RoleFormModal, type RoleModalState } from './RoleFormModal';

/** 角色与权限: every role with a permission matrix; custom roles can be created. */
export default function RolesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const roles = useRoles();
  const [modal, setModal] = useState<RoleModalState | null>(null);
  const editing = modal?.mode === 'edit' ? (roles.data?.items.find((r) => r.id === modal.id) ?? null) : null;

  return (
    <Page
      testId="page-roles"
      title={t('nav.roles')}
      description={t('org.role.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })} data-testid="role-create">
          {t('org.role.create')}
        </Button>
      }
    >
      <Card>
        {roles.isError && <Alert type="error" showIcon message={problemText(roles.error, lang)} style={{ marginBottom: 16 }} />}
        <PermissionMatrix
          roles={roles.data?.items ?? []}
          loading={roles.isFetching}
          onEditNames={(role) => setModal({ mode: 'edit', id: role.id })}
        />
      </Card>
      <RoleFormModal state={modal} role={editing} onClose={() => setModal(null)} />
    </Page>
  );
}
