import { AGENT_KIND_NAMES, type CaseDetail } from '@courtassist/contracts';
import { Card, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/lib/lang';
import { maskIdNumber, roleName } from '../labels';

type Party = CaseDetail['parties'][number];
type Agent = CaseDetail['agents'][number];

/** 当事人 and 诉讼代理人. ID numbers are masked for those who do not handle cases. */
export function PartiesCard({ detail, revealIds }: { detail: CaseDetail; revealIds: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const partyName = new Map(detail.parties.map((p) => [p.id, p.name]));

  const partyColumns: TableProps<Party>['columns'] = [
    { title: t('cases.party.role'), dataIndex: 'role', width: 96, render: (role: string) => roleName(role, lang) },
    {
      title: t('cases.party.name'),
      dataIndex: 'name',
      width: 190,
      render: (name: string, p) => (
        <>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.kind === 'organisation' ? t('cases.party.organisation') : t('cases.party.person')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('cases.party.identifier'),
      key: 'identifier',
      width: 180,
      render: (_, p) => (
        <Typography.Text
          style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
          data-testid={p.kind === 'person' ? 'party-id-number' : undefined}
        >
          {p.kind === 'organisation' ? (p.creditCode ?? '—') : maskIdNumber(p.idNumber, revealIds)}
        </Typography.Text>
      ),
    },
    {
      title: t('cases.party.personal'),
      key: 'personal',
      width: 130,
      render: (_, p) =>
        p.kind === 'organisation'
          ? p.legalRepresentative
            ? t('cases.party.representedBy', { name: p.legalRepresentative })
            : '—'
          : [p.gender ? t(p.gender === 'male' ? 'cases.party.male' : 'cases.party.female') : null, p.birthDate]
              .filter(Boolean)
              .join(' · ') || '—',
    },
    {
      title: t('cases.party.contact'),
      key: 'contact',
      ellipsis: true,
      render: (_, p) =>
        p.phone || p.address ? (
          <>
            <div>{p.phone ?? ''}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: p.address }}>
              {p.address ?? ''}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
  ];

  const agentColumns: TableProps<Agent>['columns'] = [
    { title: t('cases.agent.name'), dataIndex: 'name', width: 110 },
    {
      title: t('cases.agent.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (kind: string) =>
        Object.hasOwn(AGENT_KIND_NAMES, kind) ? AGENT_KIND_NAMES[kind as keyof typeof AGENT_KIND_NAMES][lang === 'en' ? 'en' : 'zh'] : kind,
    },
    {
      title: t('cases.agent.party'),
      dataIndex: 'partyId',
      width: 180,
      render: (id: number | null) => (id !== null ? (partyName.get(id) ?? '—') : '—'),
    },
    { title: t('cases.agent.lawFirm'), dataIndex: 'lawFirm', render: (v: string | null) => v ?? '—' },
    { title: t('cases.agent.licenseNumber'), dataIndex: 'licenseNumber', width: 170, render: (v: string | null) => v ?? '—' },
    { title: t('cases.party.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card title={t('cases.party.title')} style={{ marginBottom: 16 }} data-testid="case-parties">
      <Table<Party> size="small" rowKey="id" pagination={false} dataSource={detail.parties} columns={partyColumns} scroll={{ x: 760 }} />
      {detail.agents.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 15, margin: '20px 0 12px' }}>
            {t('cases.agent.title')}
          </Typography.Title>
          <Table<Agent> size="small" rowKey="id" pagination={false} dataSource={detail.agents} columns={agentColumns} scroll={{ x: 800 }} />
        </>
      )}
    </Card>
  );
}
