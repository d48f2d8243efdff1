import { EditOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { Role } from '@courtassist/contracts';
import { App, Button, Checkbox, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useLang } from '../../../shared/lib/lang';
import { EntityHistory } from '../../audit';
import { useUpdateRole } from '../api/roles';
import { usePermissionOptions } from './usePermissionOptions';

interface PermissionMatrixProps {
  roles: Role[];
  loading: boolean;
  onEditNames: (role: Role) => void;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Roles × permissions: tick the boxes of a row, then save that role (with its version). */
export function PermissionMatrix({ roles, loading, onEditNames }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const permissions = usePermissionOptions();
  const update = useUpdateRole();
  const onSaveError = useSaveErrorHandler();
  const [drafts, setDrafts] = useState<Record<number, string[]>>({});
  const [saving, setSaving] = useState<number | null>(null);

  const current = (role: Role) => drafts[role.id] ?? role.permissions;
  const dirty = (role: Role) => drafts[role.id] !== undefined && !sameSet(drafts[role.id], role.permissions);
  const discard = (role: Role) =>
    setDrafts((d) => {
      const rest = { ...d };
      delete rest[role.id];
      return rest;
    });

  const toggle = (role: Role, code: string, checked: boolean) => {
    const base = current(role);
    setDrafts((d) => ({ ...d, [role.id]: checked ? [...base.filter((c) => c !== code), code] : base.filter((c) => c !== code) }));
  };

  const save = (role: Role) => {
    setSaving(role.id);
    update.mutate(
      { id: role.id, permissions: current(role), version: role.version },
      {
        onSuccess: () => {
          message.success(t('org.role.saved', { name: lang === 'en' ? role.nameEn : role.nameZh }));
          discard(role);
        },
        onError: (error) => {
          if (onSaveError(error)) discard(role);
        },
        onSettled: () => setSaving(null),
      },
    );
  };

  const columns: TableProps<Role>['columns'] = [
    {
      title: t('org.role.label'),
      key: 'role',
      fixed: 'left',
      width: 200,
      render: (_, role) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{lang === 'en' ? role.nameEn : role.nameZh}</Typography.Text>
          <Space size={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {role.code}
            </Typography.Text>
            {role.builtin ? <Tag color="blue">{t('org.role.builtin')}</Tag> : <Tag color="gold">{t('org.role.custom')}</Tag>}
          </Space>
        </Space>
      ),
    },
    { title: t('org.role.userCount'), dataIndex: 'userCount', width: 72, align: 'center' },
    ...permissions.map((p) => ({
      title: (
        <Tooltip title={p.code}>
          <span>{p.label}</span>
        </Tooltip>
      ),
      key: p.code,
      width: 100,
      align: 'center' as const,
      render: (_: unknown, role: Role) => {
        const roleName = lang === 'en' ? role.nameEn : role.nameZh;
        return (
          <Checkbox
            checked={current(role).includes(p.code)}
            onChange={(e) => toggle(role, p.code, e.target.checked)}
            aria-label={`${roleName} · ${p.label}`}
            data-testid={`perm-${role.code}-${p.code}`}
          />
        );
      },
    })),
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 210,
      render: (_, role) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<SaveOutlined />}
            disabled={!dirty(role)}
            loading={saving === role.id}
            onClick={() => save(role)}
            data-testid={`role-save-${role.code}`}
          >
            {t('common.save')}
          </Button>
          {dirty(role) && (
            <Tooltip title={t('common.discard')}>
              <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => discard(role)} aria-label={t('common.discard')} />
            </Tooltip>
          )}
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEditNames(role)}>
            {t('org.role.rename')}
          </Button>
          <EntityHistory entityType="role" entityId={role.id} name={lang === 'en' ? role.nameEn : role.nameZh} iconOnly />
        </Space>
      ),
    },
  ];

  return (
    <Table<Role>
      rowKey="id"
      loading={loading}
      dataSource={roles}
      columns={columns}
      rowClassName={(role) => (dirty(role) ? 'ca-row-dirty' : '')}
      pagination={{ pageSize: 20, showTotal: (count) => t('common.total', { count }), hideOnSinglePage: false }}
      scroll={{ x: 482 + permissions.length * 100 }}
      bordered
    />
  );
}
