import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarDay } from '@courtassist/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { useUrlNumbers } from '../../shared/lib/useUrlNumbers';
import { EntityHistory } from '../audit';
import { useCan, useMe } from '../auth';
import { useCalendarYear, useCalendarYears, useDeleteDay } from './api';
import { DayFormModal, type DayModalState } from './DayFormModal';
import { todayInChina, weekdayOf } from './dates';
import { ImportModal } from './ImportModal';
import { CalendarLegend, DAY_STYLES, YearGrid } from './YearGrid';

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** 节假日安排: a year's statutory holidays and adjusted working days, as a calendar and a list. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const can = useCan();
  const { data: me } = useMe();
  // The calendar is national: the server lets only a higher court's administrators change it.
  const mayChange = can('calendar.manage') && me?.court.level === 'higher';
  const thisYear = Number(todayInChina().slice(0, 4));
  const [{ year: urlYear }, setUrl] = useUrlNumbers('year');
  const year = urlYear && urlYear >= MIN_YEAR && urlYear <= MAX_YEAR ? urlYear : thisYear;
  const view = useCalendarYear(year);
  const years = useCalendarYears();
  const deleteDay = useDeleteDay();
  const onSaveError = useSaveErrorHandler();
  const [modal, setModal] = useState<DayModalState | null>(null);
  const [importing, setImporting] = useState(false);

  const days = view.data?.days ?? [];
  const byDay = useMemo(() => new Map(days.map((d) => [d.day, d])), [days]);
  const listed = useMemo(() => new Set(byDay.keys()), [byDay]);
  const yearOptions = useMemo(() => {
    const all = new Set([thisYear - 1, thisYear, thisYear + 1, year, ...(years.data?.years ?? [])]);
    return [...all].sort((a, b) => a - b).map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }));
  }, [thisYear, year, years.data, t]);
  const weekdayNames = t('calendar.weekdayNames').split(',');

  const pick = (day: string) => {
    const entry = byDay.get(day);
    setModal(entry ? { mode: 'edit', entry } : { mode: 'create', day });
  };

  const remove = (entry: CalendarDay) =>
    deleteDay.mutateAsync({ day: entry.day, version: entry.version }).then(
      () => void message.success(t('calendar.deleted', { day: entry.day })),
      (error: unknown) => void onSaveError(error),
    );

  const holidays = days.filter((d) => d.kind === 'holiday').length;
  const workdays = days.length - holidays;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;

  const columns: TableProps<CalendarDay>['columns'] = [
    {
      title: t('calendar.day'),
      dataIndex: 'day',
      width: 130,
      render: (day: string) => <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{day}</Typography.Text>,
    },
    {
      title: t('calendar.weekday'),
      key: 'weekday',
      width: 110,
      render: (_, d) => {
        const w = weekdayOf(d.day);
        return <Typography.Text type={w === 0 || w === 6 ? 'secondary' : undefined}>{weekdayNames[w]}</Typography.Text>;
      },
    },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 160,
      filters: [
        { text: t('calendar.kinds.holiday'), value: 'holiday' },
        { text: t('calendar.kinds.workday'), value: 'workday' },
      ],
      onFilter: (value, d) => d.kind === value,
      render: (kind: CalendarDay['kind']) => (
        <Tag color={kind === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t(`calendar.kinds.${kind}`)}
        </Tag>
      ),
    },
    { title: t('calendar.name'), dataIndex: 'name' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, d) => (
        <Space size={0} wrap>
          {mayChange && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setModal({ mode: 'edit', entry: d })}>
              {t('common.edit')}
            </Button>
          )}
          {mayChange && (
            <Popconfirm
              title={t('calendar.deleteConfirm', { day: d.day, name: d.name })}
              okText={t('calendar.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove(d)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`calendar-delete-${d.day}`}>
                {t('calendar.delete')}
              </Button>
            </Popconfirm>
          )}
          <EntityHistory entityType="calendar-day" entityId={d.day} name={`${d.day} ${d.name}`} iconOnly />
        </Space>
      ),
    },
  ];

  return (
    <Page
      testId="page-calendar"
      title={t('nav.calendar')}
      description={t('calendar.description')}
      extra={
        <>
          <Select
            aria-label={t('calendar.year')}
            value={year}
            options={yearOptions}
            onChange={(value) => setUrl({ year: value })}
            style={{ width: 120 }}
            data-testid="calendar-year"
          />
          {mayChange && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">
              {t('calendar.import')}
            </Button>
          )}
          {mayChange && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ mode: 'create' })} data-testid="calendar-add">
              {t('calendar.add')}
            </Button>
          )}
        </>
      }
    >
      {view.isError && <Alert type="error" showIcon message={problemText(view.error, lang)} style={{ marginBottom: 16 }} />}
      {!mayChange && <Alert type="info" showIcon message={t('calendar.readOnly')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          [t('calendar.holidays'), holidays, DAY_STYLES.holiday.color],
          [t('calendar.workdays'), workdays, DAY_STYLES.workday.color],
          [t('calendar.restDays'), view.data?.restDayCount ?? 0, undefined],
          [t('calendar.workingDays'), view.data ? daysInYear - view.data.restDayCount : 0, undefined],
        ].map(([title, value, color]) => (
          <Col key={String(title)} xs={12} md={6}>
            <Card size="small" loading={view.isLoading}>
              <Statistic
                title={title}
                value={value as number}
                suffix={t('calendar.dayUnit')}
                valueStyle={color ? { color: color as string } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('calendar.yearView', { year })}
        extra={<CalendarLegend />}
        style={{ marginBottom: 16 }}
        loading={view.isLoading}
        styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
      >
        {mayChange && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('calendar.clickHint')}
          </Typography.Paragraph>
        )}
        <YearGrid year={year} days={days} onPick={mayChange ? pick : undefined} />
      </Card>
      <Card
        title={t('calendar.entries', { year })}
        extra={<EntityHistory entityType="calendar-year" entityId={year} name={t('calendar.entries', { year })} />}
      >
        <Table<CalendarDay>
          rowKey="day"
          size="middle"
          loading={view.isFetching}
          dataSource={days}
          columns={columns}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description={t('calendar.empty', { year })} /> }}
          data-testid="calendar-table"
        />
        {days.length > 0 && (
          <Flex justify="flex-end" style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('common.total', { count: days.length })}</Typography.Text>
          </Flex>
        )}
      </Card>
      <DayFormModal state={modal} year={year} listed={listed} onClose={() => setModal(null)} />
      <ImportModal open={importing} year={year} days={days} onClose={() => setImporting(false)} />
    </Page>
  );
}
