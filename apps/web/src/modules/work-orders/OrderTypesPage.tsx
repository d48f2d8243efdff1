import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { WorkOrderTypeView } from '@courtassist/contracts';
import { Alert, Button, Card, Flex, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { useCan, useMe } from '../auth';
import { CourtTreeSelect } from '../org';
import { useCentreTeams, useOrderTypes } from './api';
import { RulesCard } from './RulesCard';
import { TypeDrawer } from './TypeDrawer';
import { useListParams } from './useListParams';

const PARAMS = { courtId: { fallback: '' } };

/** 工单类型: a court's order types (team, limit, result fields, checklist, flags) and its automatic-start rules. */
export default function OrderTypesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useMe();
  const canManage = can('order.type.manage');
  const [params, setParams] = useListParams(PARAMS);
  const courtId = Number(params.courtId) > 0 ? Number(params.courtId) : me.data?.court.id;
  const types = useOrderTypes(courtId);
  const teams = useCentreTeams();
  // null: a new type; undefined: the drawer is closed.
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const items = types.data?.items ?? [];
  // The type as currently stored: after a conflict the reloaded list gives the drawer the latest version.
  const current = useMemo(() => (typeof editing === 'number' ? (items.find((x) => x.id === editing) ?? null) : null), [editing, items]);

  const label = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const columns: TableProps<WorkOrderTypeView>['columns'] = [
    {
      title: t('workOrders.types.code'),
      dataIndex: 'code',
      width: 140,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    { title: t('workOrders.types.name'), key: 'name', render: (_: unknown, x) => (lang === 'en' ? x.nameEn : x.nameZh) },
    { title: t('workOrders.types.team'), dataIndex: 'teamName', render: (n: string | null) => n ?? t('workOrders.types.sharedCentre') },
    {
      title: t('workOrders.types.limit'),
      key: 'limit',
      width: 120,
      render: (_: unknown, x) =>
        x.limitHours !== null
          ? t('workOrders.types.limitHours', { count: x.limitHours })
          : t('workOrders.types.limitWorkingDays', { count: x.limitWorkingDays ?? 0 }),
    },
    {
      title: t('workOrders.types.resultFields'),
      key: 'resultFields',
      render: (_: unknown, x) =>
        x.resultFields.length === 0 ? (
          <Typography.Text type="secondary">{t('workOrders.types.none')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {x.resultFields.map((f) => (
              <Tooltip key={f.key} title={`${f.key} · ${t(`workOrders.types.kinds.${f.kind}`)}`}>
                <Tag>{label({ zh: f.labelZh, en: f.labelEn })}</Tag>
              </Tooltip>
            ))}
          </Flex>
        ),
    },
    {
      title: t('workOrders.types.checklist'),
      key: 'checklist',
      render: (_: unknown, x) =>
        x.checklist.length === 0 ? (
          <Typography.Text type="secondary">{t('workOrders.types.none')}</Typography.Text>
        ) : (
          x.checklist.map((c) => label({ zh: c.labelZh, en: c.labelEn })).join(lang === 'en' ? ', ' : '、')
        ),
    },
    {
      title: t('workOrders.types.flags'),
      key: 'flags',
      width: 190,
      render: (_: unknown, x) => (
        <Flex gap={4} wrap>
          {x.autoDispatch && <Tag color="blue">{t('workOrders.types.autoDispatch')}</Tag>}
          {x.autoComplete && <Tag color="purple">{t('workOrders.types.autoComplete')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('workOrders.types.active'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => (a ? <Tag color="green">{t('workOrders.types.active')}</Tag> : <Tag>{t('workOrders.types.inactive')}</Tag>),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, x) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(x.id)} data-testid={`type-edit-${x.code}`}>
          {t('workOrders.types.edit')}
        </Button>
      ),
    });
  }

  return (
    <Page
      testId="page-order-types"
      title={t('workOrders.types.title')}
      description={t('workOrders.types.description')}
      extra={
        <>
          <CourtTreeSelect
            value={courtId ?? null}
            onChange={(v) => setParams({ courtId: v ? String(v) : null })}
            style={{ minWidth: 260 }}
            aria-label={t('workOrders.types.court')}
            data-testid="types-court"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void types.refetch()} loading={types.isFetching}>
            {t('common.refresh')}
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} disabled={!courtId} data-testid="type-add">
              {t('workOrders.types.add')}
            </Button>
          )}
        </>
      }
    >
      <Flex vertical gap={16}>
        {types.isError && <Alert type="error" showIcon message={problemText(types.error, lang)} />}
        <Card>
          <Table<WorkOrderTypeView>
            data-testid="types-table"
            rowKey="id"
            size="middle"
            loading={types.isPending && types.fetchStatus !== 'idle'}
            columns={columns}
            dataSource={items}
            pagination={false}
            footer={() => t('common.total', { count: items.length })}
          />
        </Card>
        {courtId !== undefined && <RulesCard courtId={courtId} types={items} canManage={canManage} />}
      </Flex>
      {canManage && courtId !== undefined && (
        <TypeDrawer
          open={editing !== undefined}
          courtId={courtId}
          type={current}
          teams={teams.data?.items ?? []}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Page>
  );
}
