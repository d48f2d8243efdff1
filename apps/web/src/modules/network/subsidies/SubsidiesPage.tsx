import { CheckOutlined, DownloadOutlined, RollbackOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import {
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_OUTCOME_NAMES,
  type StatementView,
  SUBSIDY_STATUS_NAMES,
  SUBSIDY_STATUSES,
  type SubsidyStatus,
} from '@courtassist/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Input, Modal, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { Page } from '../../../shared/components/Page';
import { formatMoment } from '../../../shared/lib/format';
import { useBilingual } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { CourtTreeSelect } from '../../org';
import { useStations } from '../api';
import { bilingualPart } from '../assessment/AssessmentPage';
import { statementExportUrl, useStatementCheck, useStatementStep, useStatements, yuan } from '../assessment/api';
import { GradeTag, MonthPicker, StatementStatusTag, useMonthParam } from '../assessment/common';
import { useCourtParam } from '../common';

const factor = (permille: number) => `×${permille / 1000}`;

/** 补贴结算: a court's monthly statements with totals per station; submit, approve or return; export. */
export default function SubsidiesPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const [courtId, setCourtId] = useCourtParam();
  const [month, setMonth] = useMonthParam();
  const [status, setStatus] = useState<SubsidyStatus | undefined>();
  const [stationId, setStationId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<number | null>(null);
  const stations = useStations(courtId);
  const filter = { courtId, month, status, stationId };
  const list = useStatements(filter, page, pageSize);
  const data = list.data;
  const current = data?.items.find((s) => s.id === open) ?? null;

  return (
    <Page
      testId="network-subsidies-page"
      title={t('networkAssessment.subsidies.title')}
      description={t('networkAssessment.subsidies.description')}
      extra={
        <>
          <CourtTreeSelect
            style={{ width: 280 }}
            value={courtId ?? null}
            onChange={(v) => {
              setStationId(undefined);
              setCourtId(v);
            }}
          />
          <MonthPicker value={month} onChange={setMonth} />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('networkAssessment.subsidies.status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={SUBSIDY_STATUSES.map((s) => ({ value: s, label: text(SUBSIDY_STATUS_NAMES[s]) }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('networkAssessment.subsidies.allStations')}
            value={stationId}
            onChange={(v) => {
              setStationId(v);
              setPage(1);
            }}
            options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          {courtId !== undefined && (
            <Button icon={<DownloadOutlined />} href={statementExportUrl(filter)} data-testid="subsidies-export">
              {t('networkAssessment.subsidies.export')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <div data-testid="subsidies-court-total">
              <Statistic title={t('networkAssessment.subsidies.courtTotal')} value={yuan(data?.courtTotals.totalFen ?? 0)} suffix="元" />
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title={t('networkAssessment.subsidies.statements')} value={data?.courtTotals.statements ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title={t('networkAssessment.subsidies.tasks')} value={data?.courtTotals.tasks ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic
              title={t('networkAssessment.subsidies.capReduction')}
              value={yuan(data?.courtTotals.capReductionFen ?? 0)}
              suffix="元"
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small">
            <Table<StatementView>
              rowKey="id"
              size="small"
              data-testid="subsidies-table"
              loading={list.isPending}
              dataSource={data?.items ?? []}
              locale={{ emptyText: t('networkAssessment.subsidies.empty') }}
              onRow={(s) => ({ onClick: () => setOpen(s.id), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('networkAssessment.subsidies.col.assistant'),
                  dataIndex: 'assistantName',
                  render: (name: string, s) => (
                    <Link to={`/network/assistants/${s.assistantId}`} onClick={(e) => e.stopPropagation()}>
                      {name}
                    </Link>
                  ),
                },
                { title: t('networkAssessment.subsidies.col.station'), dataIndex: 'stationName', render: (v: string | null) => v ?? '—' },
                { title: t('networkAssessment.subsidies.col.grade'), dataIndex: 'grade', render: (g) => <GradeTag grade={g} /> },
                { title: t('networkAssessment.subsidies.col.tasks'), key: 'tasks', render: (_, s) => s.lines.length },
                { title: t('networkAssessment.subsidies.col.subtotal'), dataIndex: 'subtotalFen', align: 'right', render: yuan },
                { title: t('networkAssessment.subsidies.col.coefficient'), dataIndex: 'coefficientPermille', render: factor },
                { title: t('networkAssessment.subsidies.col.total'), dataIndex: 'totalFen', align: 'right', render: yuan },
                {
                  title: t('networkAssessment.subsidies.col.status'),
                  dataIndex: 'status',
                  render: (s) => <StatementStatusTag status={s} />,
                },
              ]}
              pagination={{
                current: page,
                pageSize,
                total: data?.total ?? 0,
                showSizeChanger: true,
                showTotal: (total) => t('common.total', { count: total }),
                onChange: (p, s) => {
                  setPage(p);
                  setPageSize(s);
                },
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('networkAssessment.subsidies.byStation')}>
            <Table
              rowKey={(r) => String(r.stationId)}
              size="small"
              pagination={false}
              dataSource={data?.stationTotals ?? []}
              columns={[
                { title: t('networkAssessment.subsidies.station'), dataIndex: 'stationName', render: (v: string | null) => v ?? '—' },
                { title: t('networkAssessment.subsidies.statements'), key: 'n', render: (_, r) => r.totals.statements },
                {
                  title: t('networkAssessment.subsidies.col.total'),
                  key: 'total',
                  align: 'right',
                  render: (_, r) => yuan(r.totals.totalFen),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {current && <StatementDrawer statement={current} onClose={() => setOpen(null)} />}
    </Page>
  );
}

/** One statement: lines, how the total adds up, the reproducibility check, and the next step. */
export function StatementDetail({ statement: s }: { statement: StatementView }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const [checking, setChecking] = useState(false);
  const check = useStatementCheck(checking ? s.id : undefined);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('networkAssessment.month')}>{s.month}</Descriptions.Item>
        <Descriptions.Item label={t('networkAssessment.subsidies.col.status')}>
          <StatementStatusTag status={s.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('networkAssessment.subsidies.col.grade')}>
          <GradeTag grade={s.grade} />
        </Descriptions.Item>
        <Descriptions.Item label={t('networkAssessment.subsidies.col.total')}>
          <b data-testid="statement-total">{yuan(s.totalFen)}</b>
        </Descriptions.Item>
        {s.approvedByName && (
          <Descriptions.Item label={t('networkAssessment.subsidies.approvedBy')} span={2}>
            {s.approvedByName} · {formatMoment(s.approvedAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {s.status === 'returned' && s.returnReason && (
        <Alert type="error" showIcon message={t('networkAssessment.subsidies.returned', { reason: s.returnReason })} />
      )}
      <Table
        size="small"
        rowKey="taskId"
        pagination={false}
        title={() => t('networkAssessment.subsidies.lines')}
        dataSource={s.lines}
        columns={[
          { title: t('networkAssessment.subsidies.lineDate'), dataIndex: 'confirmedOn' },
          {
            title: t('networkAssessment.subsidies.lineKind'),
            dataIndex: 'kind',
            render: (k: keyof typeof NETWORK_TASK_KIND_NAMES) => text(NETWORK_TASK_KIND_NAMES[k]),
          },
          {
            title: t('networkAssessment.subsidies.lineOutcome'),
            key: 'outcome',
            render: (_, l) => text(NETWORK_TASK_OUTCOME_NAMES[l.kind][l.outcome]),
          },
          { title: t('networkAssessment.subsidies.lineAmount'), dataIndex: 'amountFen', align: 'right', render: yuan },
        ]}
      />
      <Card size="small" title={t('networkAssessment.subsidies.steps')}>
        {s.steps.map((step) => (
          <div key={step.rule}>
            <Typography.Text type="secondary">{bilingualPart(step.rule, text)}</Typography.Text>：{bilingualPart(step.detail, text)}
          </div>
        ))}
      </Card>
      <Button
        icon={<SafetyCertificateOutlined />}
        onClick={() => setChecking(true)}
        loading={check.isFetching}
        data-testid="statement-check"
      >
        {t('networkAssessment.subsidies.check')}
      </Button>
      {check.data && (
        <Alert
          data-testid="statement-check-result"
          type={check.data.reproducible ? 'success' : 'error'}
          showIcon
          message={t(check.data.reproducible ? 'networkAssessment.subsidies.reproducible' : 'networkAssessment.subsidies.notReproducible')}
          description={
            check.data.reproducible ? undefined : (
              <>
                {check.data.differences.map((d) => (
                  <div key={d.field}>{t('networkAssessment.subsidies.difference', d)}</div>
                ))}
                {check.data.taskDifferences.map((d) => (
                  <div key={d.taskId}>
                    {t('networkAssessment.subsidies.taskDifference', {
                      taskId: d.taskId,
                      problem: t(`networkAssessment.subsidies.problems.${d.problem}`),
                    })}
                  </div>
                ))}
              </>
            )
          }
        />
      )}
    </Space>
  );
}

function StatementDrawer({ statement: s, onClose }: { statement: StatementView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const step = useStatementStep();
  const onError = useSaveErrorHandler();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const move = (name: 'submit' | 'approve' | 'return', done: string) =>
    step.mutate(
      { id: s.id, step: name, version: s.version, reason: name === 'return' ? reason.trim() : undefined },
      {
        onSuccess: () => {
          message.success(done);
          setReturning(false);
        },
        onError: (e) => onError(e),
      },
    );
  return (
    <Drawer
      open
      onClose={onClose}
      width={680}
      title={`${t('networkAssessment.subsidies.detail')} · ${s.assistantName}`}
      extra={
        <Space>
          {can('network.manage') && (s.status === 'draft' || s.status === 'returned') && (
            <Button
              icon={<SendOutlined />}
              loading={step.isPending}
              onClick={() => move('submit', t('networkAssessment.subsidies.submitted'))}
              data-testid="statement-submit"
            >
              {t('networkAssessment.subsidies.submit')}
            </Button>
          )}
          {can('network.subsidy.approve') && s.status === 'submitted' && (
            <>
              <Button icon={<RollbackOutlined />} danger onClick={() => setReturning(true)} data-testid="statement-return">
                {t('networkAssessment.subsidies.return')}
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={step.isPending}
                onClick={() => move('approve', t('networkAssessment.subsidies.approved'))}
                data-testid="statement-approve"
              >
                {t('networkAssessment.subsidies.approve')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <StatementDetail statement={s} />
      <Modal
        open={returning}
        title={t('networkAssessment.subsidies.return')}
        onCancel={() => setReturning(false)}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: step.isPending }}
        onOk={() => move('return', t('networkAssessment.subsidies.return'))}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('networkAssessment.subsidies.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Drawer>
  );
}
