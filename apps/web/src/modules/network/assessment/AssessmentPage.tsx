import { CalculatorOutlined, SendOutlined } from '@ant-design/icons';
import {
  ASSESSMENT_GRADE_NAMES,
  ASSESSMENT_GRADES,
  ASSESSMENT_INDICATOR_NAMES,
  type AssessmentItemView,
  type AssessmentRunView,
  type AssessmentView,
  type RatingView,
} from '@courtassist/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Rate,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useProblemHandler, useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { Page } from '../../../shared/components/Page';
import { formatMoment } from '../../../shared/lib/format';
import { useBilingual } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { CourtTreeSelect } from '../../org';
import { useAssistants } from '../api';
import { useCourtParam } from '../common';
import {
  useAnswerObjection,
  useAssessments,
  useItems,
  usePublishRun,
  useRate,
  useRatings,
  useRecordItem,
  useRemoveItem,
  useRules,
  useRunMonth,
  useRuns,
} from './api';
import { GradeTag, MonthPicker, RunStateTag, useMonthParam } from './common';
import { RulesEditor } from './RulesEditor';

/** 月度考核: run a court's month, see grades and ranks, publish, answer objections; ratings, items and rules. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('network.manage');
  const [courtId, setCourtId] = useCourtParam();
  const [month, setMonth] = useMonthParam();
  const run = useRunMonth();
  const onProblem = useProblemHandler();

  return (
    <Page
      testId="network-assessment-page"
      title={t('networkAssessment.assessment.title')}
      description={t('networkAssessment.assessment.description')}
      extra={
        <>
          <CourtTreeSelect style={{ width: 280 }} value={courtId ?? null} onChange={setCourtId} />
          <MonthPicker value={month} onChange={setMonth} />
          {manage && courtId !== undefined && (
            <Button
              type="primary"
              icon={<CalculatorOutlined />}
              loading={run.isPending}
              data-testid="assessment-run"
              onClick={() =>
                run.mutate(
                  { courtId, month },
                  {
                    onSuccess: (r) => message.success(t('networkAssessment.assessment.ran', { count: r.runs.length, ms: r.ms })),
                    onError: (e) => onProblem(e),
                  },
                )
              }
            >
              {t('networkAssessment.assessment.run')}
            </Button>
          )}
        </>
      }
    >
      {courtId !== undefined && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <RunsCard courtId={courtId} month={month} />
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'results',
                  label: t('networkAssessment.assessment.tabs.results'),
                  children: <Results courtId={courtId} month={month} />,
                },
                {
                  key: 'ratings',
                  label: t('networkAssessment.assessment.tabs.ratings'),
                  children: <Ratings courtId={courtId} month={month} />,
                },
                { key: 'items', label: t('networkAssessment.assessment.tabs.items'), children: <Items courtId={courtId} month={month} /> },
                { key: 'rules', label: t('networkAssessment.assessment.tabs.rules'), children: <RulesEditor courtId={courtId} /> },
              ]}
            />
          </Card>
        </Space>
      )}
    </Page>
  );
}

function RunsCard({ courtId, month }: { courtId: number; month: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const runs = useRuns(courtId, month);
  const publish = usePublishRun();
  const onError = useSaveErrorHandler();
  return (
    <Card size="small" title={t('networkAssessment.assessment.runsTitle')} data-testid="assessment-runs">
      <Table<AssessmentRunView>
        rowKey="id"
        size="small"
        loading={runs.isPending}
        dataSource={runs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('networkAssessment.assessment.noRun') }}
        columns={[
          { title: t('networkAssessment.court'), dataIndex: 'courtName' },
          { title: t('networkAssessment.assessment.state'), dataIndex: 'state', render: (s) => <RunStateTag state={s} /> },
          { title: t('networkAssessment.assessment.assistants'), dataIndex: 'assistants' },
          {
            title: t('networkAssessment.assessment.filterGrade'),
            key: 'grades',
            render: (_, r) => t('networkAssessment.assessment.gradesSummary', r.grades),
          },
          { title: t('networkAssessment.assessment.replacements'), dataIndex: 'replacements' },
          { title: t('networkAssessment.assessment.runAt'), dataIndex: 'runAt', render: (v: string) => formatMoment(v) },
          { title: t('networkAssessment.assessment.objectionUntil'), dataIndex: 'objectionUntil', render: (v: string | null) => v ?? '—' },
          ...(can('network.manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: AssessmentRunView) =>
                    r.state === 'draft' ? (
                      <Popconfirm
                        title={t('networkAssessment.assessment.publishConfirm')}
                        onConfirm={() =>
                          publish.mutate(
                            { id: r.id, version: r.version },
                            {
                              onSuccess: (p) =>
                                message.success(t('networkAssessment.assessment.published', { until: p.objectionUntil ?? '' })),
                              onError: (e) => onError(e),
                            },
                          )
                        }
                      >
                        <Button size="small" icon={<SendOutlined />} data-testid={`publish-${r.courtId}`}>
                          {t('networkAssessment.assessment.publish')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function Results({ courtId, month }: { courtId: number; month: string }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const [grade, setGrade] = useState<string | undefined>();
  const [replacement, setReplacement] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<number | null>(null);
  const filter = { courtId, month, grade, replacement: replacement ? ('true' as const) : undefined };
  const list = useAssessments(filter, page, pageSize);
  const replacements = useAssessments({ courtId, month, replacement: 'true' }, 1, 50);
  const current = list.data?.items.find((a) => a.id === open) ?? null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {replacements.data && (
        <Alert
          type={replacements.data.total > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="replacement-list"
          message={t('networkAssessment.assessment.replacementList')}
          description={
            replacements.data.total > 0
              ? replacements.data.items.map((a) => (
                  <div key={a.id}>
                    <Link to={`/network/assistants/${a.assistantId}`}>{a.assistantName}</Link>：{a.explanation.replacement.detail}
                  </div>
                ))
              : t('networkAssessment.assessment.replacementNone')
          }
        />
      )}
      <Space wrap>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('networkAssessment.assessment.filterGrade')}
          value={grade}
          onChange={(v) => {
            setGrade(v);
            setPage(1);
          }}
          options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: text(ASSESSMENT_GRADE_NAMES[g]) }))}
        />
        <Space>
          <Switch checked={replacement} onChange={setReplacement} aria-label={t('networkAssessment.assessment.onlyReplacement')} />
          {t('networkAssessment.assessment.onlyReplacement')}
        </Space>
      </Space>
      <Table<AssessmentView>
        rowKey="id"
        size="small"
        data-testid="assessment-results"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('networkAssessment.assessment.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('networkAssessment.assessment.col.rank'),
            key: 'rank',
            render: (_, r) => t('networkAssessment.assessment.rankOf', r.courtRank),
          },
          {
            title: t('networkAssessment.assessment.col.assistant'),
            dataIndex: 'assistantName',
            render: (name: string, r) => (
              <Link to={`/network/assistants/${r.assistantId}`} onClick={(e) => e.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          { title: t('networkAssessment.court'), dataIndex: 'courtName' },
          { title: t('networkAssessment.assessment.col.stations'), dataIndex: 'stationNames', render: (s: string[]) => s.join('、') },
          { title: t('networkAssessment.assessment.col.score'), dataIndex: 'score', render: (v: number) => v.toFixed(2) },
          { title: t('networkAssessment.assessment.col.grade'), dataIndex: 'grade', render: (g) => <GradeTag grade={g} /> },
          { title: t('networkAssessment.assessment.state'), dataIndex: 'state', render: (s) => <RunStateTag state={s} /> },
          {
            title: t('networkAssessment.assessment.col.replacement'),
            dataIndex: 'replacement',
            render: (v: boolean) => (v ? <Tag color="red">{t('networkAssessment.assessment.replacementTag')}</Tag> : null),
          },
          {
            title: t('networkAssessment.assessment.col.objections'),
            key: 'objections',
            render: (_, r) =>
              r.objections.length > 0 ? (
                <Tag color={r.objections.some((o) => o.answer === null) ? 'gold' : 'default'}>{r.objections.length}</Tag>
              ) : null,
          },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      {current && <AssessmentDrawer assessment={current} onClose={() => setOpen(null)} />}
    </Space>
  );
}

/** The explanation of one assessment, component by component, and its objections. */
export function AssessmentDetail({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const e = a.explanation;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('networkAssessment.month')}>{a.month}</Descriptions.Item>
        <Descriptions.Item label={t('networkAssessment.assessment.col.score')}>{a.score.toFixed(2)}</Descriptions.Item>
        <Descriptions.Item label={t('networkAssessment.assessment.col.grade')}>
          <GradeTag grade={a.grade} />
        </Descriptions.Item>
        <Descriptions.Item label={t('networkAssessment.assessment.col.rank')}>
          {t('networkAssessment.assessment.rankOf', a.courtRank)}
        </Descriptions.Item>
        <Descriptions.Item label={t('networkAssessment.assessment.stationRanks')} span={2}>
          {a.stationRanks.map((s, i) => (
            <Tag key={s.stationId}>
              {a.stationNames[i] ?? `#${s.stationId}`} {t('networkAssessment.assessment.rankOf', s)}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="indicator"
        pagination={false}
        dataSource={e.score.components}
        columns={[
          {
            title: t('networkAssessment.assessment.indicator'),
            dataIndex: 'indicator',
            render: (k: keyof typeof ASSESSMENT_INDICATOR_NAMES) => text(ASSESSMENT_INDICATOR_NAMES[k]),
          },
          { title: t('networkAssessment.assessment.weight'), dataIndex: 'weight' },
          { title: t('networkAssessment.assessment.effectiveWeight'), dataIndex: 'effectiveWeight', render: (v: number) => v.toFixed(2) },
          { title: t('networkAssessment.assessment.points'), dataIndex: 'points', render: (v: number) => v.toFixed(2) },
        ]}
        expandable={{ expandedRowRender: (c) => <Typography.Text type="secondary">{bilingualPart(c.detail, text)}</Typography.Text> }}
      />
      {e.score.items.length > 0 && (
        <List
          size="small"
          header={t('networkAssessment.assessment.items')}
          dataSource={e.score.items}
          renderItem={(i) => <List.Item>{bilingualPart(i.detail, text)}</List.Item>}
        />
      )}
      <Typography.Paragraph style={{ margin: 0 }}>{bilingualPart(e.score.detail, text)}</Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0 }}>
        <b>{t('networkAssessment.assessment.gradeDetail')}：</b>
        {bilingualPart(e.grade.detail, text)}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0 }}>
        <b>{t('networkAssessment.assessment.replacementDetail')}：</b>
        {bilingualPart(e.replacement.detail, text)}
      </Typography.Paragraph>
    </Space>
  );
}

/**
 * The pure rules write explanations as "中文 (English)": the part in the reader's language. The
 * English part is the last parenthesised group; text without one is shown as it is.
 */
export function bilingualPart(detail: string, text: (b: { zh: string; en: string }) => string): string {
  if (!detail.endsWith(')')) return detail;
  // The English part may hold parentheses of its own: find the one that opens the last group.
  let depth = 0;
  for (let i = detail.length - 1; i > 0; i--) {
    if (detail[i] === ')') depth++;
    else if (detail[i] === '(' && --depth === 0) {
      return detail[i - 1] === ' ' ? text({ zh: detail.slice(0, i - 1), en: detail.slice(i + 1, -1) }) : detail;
    }
  }
  return detail;
}

function AssessmentDrawer({ assessment: a, onClose }: { assessment: AssessmentView; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const answer = useAnswerObjection();
  const onError = useSaveErrorHandler();
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  return (
    <Drawer open onClose={onClose} width={720} title={`${t('networkAssessment.assessment.detail')} · ${a.assistantName}`}>
      <AssessmentDetail assessment={a} />
      <Card size="small" title={t('networkAssessment.assessment.objectionsTitle')} style={{ marginTop: 16 }}>
        {a.objections.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('networkAssessment.assessment.noObjection')} />
        ) : (
          <List
            dataSource={a.objections}
            renderItem={(o) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <span>
                    <b>{o.raisedByName}</b> · {formatMoment(o.raisedAt)}：{o.reason}
                  </span>
                  {o.answer !== null ? (
                    <Typography.Text type="success">
                      {t('networkAssessment.assessment.answered')}（{o.answeredByName} · {formatMoment(o.answeredAt)}）：{o.answer}
                    </Typography.Text>
                  ) : can('network.manage') ? (
                    <Space.Compact style={{ width: '100%' }}>
                      <Input
                        placeholder={t('networkAssessment.assessment.answerPlaceholder')}
                        value={drafts[o.id] ?? ''}
                        onChange={(e) => setDrafts({ ...drafts, [o.id]: e.target.value })}
                      />
                      <Button
                        type="primary"
                        loading={answer.isPending}
                        disabled={(drafts[o.id] ?? '').trim().length < 2}
                        onClick={() =>
                          answer.mutate(
                            { id: o.id, answer: (drafts[o.id] ?? '').trim(), version: o.version },
                            { onError: (e) => onError(e) },
                          )
                        }
                      >
                        {t('networkAssessment.assessment.answer')}
                      </Button>
                    </Space.Compact>
                  ) : (
                    <Tag color="gold">{t('networkAssessment.assessment.awaitingAnswer')}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Drawer>
  );
}

function AssistantSelect({ courtId, value, onChange }: { courtId: number; value?: number; onChange?: (v: number) => void }) {
  const assistants = useAssistants({ courtId, status: 'active', sort: 'name', order: 'asc' }, 200);
  const people = assistants.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Select
      showSearch
      optionFilterProp="label"
      loading={assistants.isPending}
      value={value}
      onChange={onChange}
      data-testid="assistant-select"
      options={people.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}

function Ratings({ courtId, month }: { courtId: number; month: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const list = useRatings(courtId, month);
  const rate = useRate();
  const onError = useSaveErrorHandler();
  const [form] = Form.useForm<{ assistantId: number; rating: number; note?: string }>();
  const required = { required: true, message: t('common.required') };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {can('network.task.assign') && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            rate.mutate(
              { assistantId: v.assistantId, month, rating: v.rating, note: v.note?.trim() ?? '' },
              {
                onSuccess: () => {
                  message.success(t('networkAssessment.ratings.saved'));
                  form.resetFields();
                },
                onError: (e) => onError(e, form),
              },
            )
          }
        >
          <Form.Item name="assistantId" label={t('networkAssessment.ratings.assistant')} rules={[required]} style={{ minWidth: 240 }}>
            <AssistantSelect courtId={courtId} />
          </Form.Item>
          <Form.Item name="rating" label={t('networkAssessment.ratings.rating')} rules={[required]}>
            <Rate />
          </Form.Item>
          <Form.Item name="note" label={t('networkAssessment.ratings.note')} rules={[{ max: 500 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={rate.isPending}>
            {t('networkAssessment.ratings.add')}
          </Button>
        </Form>
      )}
      <Table<RatingView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('networkAssessment.ratings.empty') }}
        columns={[
          { title: t('networkAssessment.ratings.assistant'), dataIndex: 'assistantName' },
          { title: t('networkAssessment.ratings.rating'), dataIndex: 'rating', render: (v: number) => <Rate disabled value={v} /> },
          { title: t('networkAssessment.ratings.note'), dataIndex: 'note' },
          { title: t('networkAssessment.ratings.ratedBy'), dataIndex: 'ratedByName' },
          { title: t('networkAssessment.ratings.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatMoment(v) },
        ]}
      />
    </Space>
  );
}

function Items({ courtId, month }: { courtId: number; month: string }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const can = useCan();
  const list = useItems(courtId, month);
  const rules = useRules(courtId);
  const record = useRecordItem();
  const remove = useRemoveItem();
  const onError = useSaveErrorHandler();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<{ assistantId: number; code: string; recordedOn: Dayjs; reason: string }>();
  const required = { required: true, message: t('common.required') };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {can('network.task.assign') && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            record.mutate(
              { assistantId: v.assistantId, code: v.code, recordedOn: v.recordedOn.format('YYYY-MM-DD'), reason: v.reason.trim() },
              {
                onSuccess: () => {
                  message.success(t('networkAssessment.items.saved'));
                  form.resetFields();
                },
                onError: (e) => onError(e, form),
              },
            )
          }
        >
          <Form.Item name="assistantId" label={t('networkAssessment.items.assistant')} rules={[required]} style={{ minWidth: 220 }}>
            <AssistantSelect courtId={courtId} />
          </Form.Item>
          <Form.Item name="code" label={t('networkAssessment.items.item')} rules={[required]} style={{ minWidth: 260 }}>
            <Select
              options={(rules.data?.assessment.items ?? []).map((i) => ({
                value: i.code,
                label: `${text({ zh: i.zh, en: i.en })} (${i.points > 0 ? '+' : ''}${i.points})`,
              }))}
            />
          </Form.Item>
          <Form.Item name="recordedOn" label={t('networkAssessment.items.recordedOn')} rules={[required]}>
            <DatePicker
              format="YYYY-MM-DD"
              disabledDate={(d) => d.format('YYYY-MM') !== month || d.isAfter(dayjs(), 'day')}
              defaultPickerValue={dayjs(`${month}-01`)}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('networkAssessment.items.reason')} rules={[{ ...required, whitespace: true }, { max: 500 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('networkAssessment.items.add')}
          </Button>
        </Form>
      )}
      <Table<AssessmentItemView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('networkAssessment.items.empty') }}
        columns={[
          { title: t('networkAssessment.items.recordedOn'), dataIndex: 'recordedOn' },
          { title: t('networkAssessment.items.assistant'), dataIndex: 'assistantName' },
          { title: t('networkAssessment.items.item'), key: 'item', render: (_, i) => text({ zh: i.zh, en: i.en }) },
          {
            title: t('networkAssessment.items.points'),
            dataIndex: 'points',
            render: (v: number) => <Tag color={v > 0 ? 'green' : 'red'}>{`${v > 0 ? '+' : ''}${v}`}</Tag>,
          },
          { title: t('networkAssessment.items.reason'), dataIndex: 'reason' },
          { title: t('networkAssessment.items.recordedBy'), dataIndex: 'recordedByName' },
          ...(can('network.manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, i: AssessmentItemView) => (
                    <Popconfirm
                      title={t('networkAssessment.items.removeConfirm')}
                      onConfirm={() =>
                        remove.mutate(i.id, {
                          onSuccess: () => message.success(t('networkAssessment.items.removed')),
                          onError: (e) => onProblem(e),
                        })
                      }
                    >
                      <Button size="small" danger>
                        {t('networkAssessment.items.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
