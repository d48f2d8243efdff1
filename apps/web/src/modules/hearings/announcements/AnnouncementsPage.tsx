import { PrinterOutlined } from '@ant-design/icons';
import { HEARING_KIND_NAMES, type HearingAnnouncement, PARTY_ROLE_NAMES, type PartyRoleCode } from '@courtassist/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Table, type TableProps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { problemText } from '../../../shared/api/problem';
import type { Paged } from '../../../shared/api/types';
import { Page } from '../../../shared/components/Page';
import { useBilingual, useLang } from '../../../shared/lib/lang';
import { usePagination } from '../../../shared/lib/usePagination';
import { CourtTreeSelect } from '../../org';
import { chinaParts } from '../week';

interface Filters {
  courtId?: number;
  from: string;
  to: string;
}

/** The next 30 days, today included: what a notice board shows. */
function defaultFilters(): Filters {
  const today = dayjs();
  return { from: today.format('YYYY-MM-DD'), to: today.add(29, 'day').format('YYYY-MM-DD') };
}

function useAnnouncements(filters: Filters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['hearings', 'announcements', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<Paged<HearingAnnouncement>>('/hearing-announcements', { ...filters, page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** 开庭公告: public hearings of the courts in scope, with the formal text of each announcement, printable. */
export default function AnnouncementsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const bilingual = useBilingual();
  const [filters, setFilters] = useState<Filters>(defaultFilters);
  const { page, pageSize, resetPage, tablePagination } = usePagination(20);
  const query = useAnnouncements(filters, page, pageSize);

  const partiesOf = (a: HearingAnnouncement) =>
    a.parties
      .map(
        (p) =>
          `${PARTY_ROLE_NAMES[p.role as PartyRoleCode] ? bilingual(PARTY_ROLE_NAMES[p.role as PartyRoleCode]) : ''}${lang === 'en' ? ' ' : ''}${p.name}`,
      )
      .join(t('announcements.partySeparator'));

  const textOf = (a: HearingAnnouncement) => {
    const start = chinaParts(a.startsAt);
    return t('announcements.body', {
      date: start.date,
      time: start.time,
      place: a.location ? `${a.location}${a.courtroomName}` : a.courtroomName,
      kind: bilingual(HEARING_KIND_NAMES[a.kind]),
      parties: partiesOf(a),
      cause: a.causeName ? t('announcements.causeSuffix', { cause: a.causeName }) : t('announcements.noCause'),
    });
  };

  const columns: TableProps<HearingAnnouncement>['columns'] = [
    {
      title: t('announcements.time'),
      key: 'time',
      width: 150,
      render: (_, a) => {
        const start = chinaParts(a.startsAt);
        const end = chinaParts(a.endsAt);
        return (
          <>
            <div>{start.date}</div>
            <Typography.Text type="secondary">
              {start.time}–{end.time}
            </Typography.Text>
          </>
        );
      },
    },
    { title: t('announcements.caseNumber'), dataIndex: 'caseNumber', width: 210 },
    { title: t('announcements.cause'), dataIndex: 'causeName', render: (cause: string | null) => cause ?? '—' },
    { title: t('announcements.parties'), key: 'parties', render: (_, a) => partiesOf(a) },
    { title: t('announcements.place'), key: 'place', render: (_, a) => `${a.courtName} ${a.courtroomName}` },
    {
      title: t('announcements.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: HearingAnnouncement['kind']) => bilingual(HEARING_KIND_NAMES[kind]),
    },
    { title: t('announcements.announcedOn'), dataIndex: 'announcedOn', width: 120, render: (on: string | null) => on ?? '—' },
  ];

  const onValues = (_: unknown, values: { courtId?: number | null; dates?: [Dayjs, Dayjs] | null }) => {
    const fallback = defaultFilters();
    setFilters({
      courtId: values.courtId ?? undefined,
      from: values.dates?.[0]?.format('YYYY-MM-DD') ?? fallback.from,
      to: values.dates?.[1]?.format('YYYY-MM-DD') ?? fallback.to,
    });
    resetPage();
  };

  return (
    <Page
      testId="page-announcements"
      title={t('announcements.title')}
      description={t('announcements.description')}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('announcements.print')}
        </Button>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          initialValues={{ dates: [dayjs(filters.from), dayjs(filters.to)] }}
          onValuesChange={onValues}
          data-testid="announcement-filters"
        >
          <Form.Item name="courtId" label={t('announcements.court')}>
            <CourtTreeSelect allowClear placeholder={t('announcements.allCourts')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="dates" label={t('announcements.dates')}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
        <Table<HearingAnnouncement>
          data-testid="announcement-table"
          rowKey="hearingId"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          locale={{ emptyText: t('announcements.empty') }}
          pagination={tablePagination(query.data?.total ?? 0)}
          expandable={{
            expandedRowRender: (a) => (
              <Flex vertical gap={4} style={{ padding: '4px 8px' }}>
                <Typography.Text type="secondary">{t('announcements.text')}</Typography.Text>
                <Typography.Paragraph copyable style={{ margin: 0 }}>
                  {textOf(a)}
                </Typography.Paragraph>
              </Flex>
            ),
          }}
        />
      </Card>
    </Page>
  );
}
