import { PlusOutlined } from '@ant-design/icons';
import {
  INTERVIEW_RESULT_NAMES,
  INTERVIEW_RESULTS,
  RECRUITMENT_STATUS_NAMES,
  RECRUITMENT_STEPS,
  type RecruitmentStatus,
  type RecruitmentView,
} from '@courtassist/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useProblemHandler, useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { Page } from '../../shared/components/Page';
import { useBilingual } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { JudgeSelect } from '../cases';
import { CourtTreeSelect } from '../org';
import { type RecruitmentStep, useAnnounce, useAssistants, useRecruitmentStep, useRecruitments, useStations } from './api';
import { useCourtParam } from './common';

const STATUS_COLOURS: Record<RecruitmentStatus, string> = {
  announced: 'blue',
  interviewed: 'cyan',
  rejected: 'default',
  contracted: 'green',
  'replacement-requested': 'orange',
  closed: 'default',
};

const allowed = (step: keyof typeof RECRUITMENT_STEPS, status: RecruitmentStatus) =>
  (RECRUITMENT_STEPS[step] as readonly RecruitmentStatus[]).includes(status);

/** 志愿者招募: the recruitments of a court, each with its next step. */
export default function RecruitmentPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const can = useCan();
  const manage = can('network.manage');
  const [courtId, setCourtId] = useCourtParam();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRecruitments(courtId, page, pageSize);
  const [announcing, setAnnouncing] = useState(false);
  const [open, setOpen] = useState<{ record: RecruitmentView; step: 'interview' | 'contract' | 'replacement' | null } | null>(null);
  const step = useRecruitmentStep();
  const { message } = App.useApp();
  const onError = useProblemHandler();

  const columns = [
    { title: t('network.recruitment.announcedOn'), dataIndex: 'announcedOn' },
    { title: t('network.court'), dataIndex: 'courtName' },
    { title: t('network.recruitment.candidate'), dataIndex: 'candidateName' },
    { title: t('network.recruitment.station'), dataIndex: 'stationName', render: (v: string | null) => v ?? '—' },
    {
      title: t('network.recruitment.status'),
      dataIndex: 'status',
      render: (s: RecruitmentStatus) => <Tag color={STATUS_COLOURS[s]}>{text(RECRUITMENT_STATUS_NAMES[s])}</Tag>,
    },
    { title: t('network.recruitment.judge'), dataIndex: 'judgeName', render: (v: string | null) => v ?? '—' },
    { title: t('network.recruitment.payBand'), dataIndex: 'payBand', render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r: RecruitmentView) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setOpen({ record: r, step: null })}>
            {t('network.recruitment.detail')}
          </Button>
          {manage && allowed('interview', r.status) && (
            <Button size="small" onClick={() => setOpen({ record: r, step: 'interview' })}>
              {t('network.recruitment.interview')}
            </Button>
          )}
          {manage && allowed('contract', r.status) && (
            <Button size="small" onClick={() => setOpen({ record: r, step: 'contract' })}>
              {t('network.recruitment.contract')}
            </Button>
          )}
          {manage && allowed('replacement', r.status) && (
            <Button size="small" onClick={() => setOpen({ record: r, step: 'replacement' })}>
              {t('network.recruitment.replacement')}
            </Button>
          )}
          {manage && allowed('close', r.status) && (
            <Popconfirm
              title={t('network.recruitment.closeConfirm')}
              onConfirm={() =>
                step.mutate(
                  { id: r.id, step: { step: 'close', body: { version: r.version } } },
                  { onSuccess: () => message.success(t('network.recruitment.saved')), onError: (e) => onError(e) },
                )
              }
            >
              <Button size="small">{t('network.recruitment.close')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page
      testId="network-recruitment-page"
      title={t('network.recruitment.title')}
      description={t('network.recruitment.description')}
      extra={
        <>
          <CourtTreeSelect style={{ width: 280 }} value={courtId ?? null} onChange={setCourtId} />
          {manage && courtId !== undefined && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAnnouncing(true)} data-testid="recruitment-add">
              {t('network.recruitment.add')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small">
        <Table<RecruitmentView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('network.recruitment.empty') }}
          scroll={{ x: 1100 }}
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
      </Card>
      {courtId !== undefined && <AnnounceDrawer open={announcing} courtId={courtId} onClose={() => setAnnouncing(false)} />}
      {open && open.step === null && <DetailDrawer record={open.record} onClose={() => setOpen(null)} />}
      {open && open.step !== null && <StepModal record={open.record} step={open.step} onClose={() => setOpen(null)} />}
    </Page>
  );
}

function DetailDrawer({ record: r, onClose }: { record: RecruitmentView; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  return (
    <Drawer open onClose={onClose} width={520} title={t('network.recruitment.detail')}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('network.court')}>{r.courtName}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.announcedOn')}>{r.announcedOn}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.announcement')}>{r.announcement}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.candidate')}>{r.candidateName}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.candidatePhone')}>{r.candidatePhone || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.station')}>{r.stationName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.status')}>{text(RECRUITMENT_STATUS_NAMES[r.status])}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.judge')}>{r.judgeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.interviewedOn')}>{r.interviewedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.result')}>
          {r.interviewResult ? text(INTERVIEW_RESULT_NAMES[r.interviewResult]) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.note')}>{r.interviewNote || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.contractParty')}>{r.contractParty ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.payBand')}>{r.payBand ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.insurance')}>{r.insurance ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.annualTrainingHours')}>
          {r.annualTrainingHours?.toFixed(1) ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.contractedOn')}>{r.contractedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.linkedAssistant')}>{r.assistantName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.requestedOn')}>{r.replacementRequestedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('network.recruitment.replacementReason')}>{r.replacementReason ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Drawer>
  );
}

function AnnounceDrawer({ open, courtId, onClose }: { open: boolean; courtId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    announcedOn: Dayjs;
    announcement: string;
    candidateName: string;
    candidatePhone: string;
    stationId: number | null;
  }>();
  const stations = useStations(courtId);
  const announce = useAnnounce();
  const onError = useProblemHandler();
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={520}
      title={t('network.recruitment.create')}
      destroyOnHidden
      extra={
        <Button type="primary" loading={announce.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ announcedOn: dayjs(), stationId: null }}
        onFinish={(v) =>
          announce.mutate(
            {
              courtId,
              announcedOn: v.announcedOn.format('YYYY-MM-DD'),
              announcement: v.announcement.trim(),
              candidateName: v.candidateName.trim(),
              candidatePhone: v.candidatePhone?.trim() ?? '',
              stationId: v.stationId ?? null,
            },
            {
              onSuccess: () => {
                message.success(t('network.recruitment.saved'));
                onClose();
              },
              onError: (e) => onError(e, form),
            },
          )
        }
      >
        <Form.Item
          name="announcedOn"
          label={t('network.recruitment.announcedOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="announcement" label={t('network.recruitment.announcement')} rules={[required, { max: 2000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="candidateName" label={t('network.recruitment.candidate')} rules={[required, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="candidatePhone"
          label={t('network.recruitment.candidatePhone')}
          rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/ }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="stationId" label={t('network.recruitment.station')}>
          <Select allowClear options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function StepModal({
  record,
  step,
  onClose,
}: {
  record: RecruitmentView;
  step: 'interview' | 'contract' | 'replacement';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mutation = useRecruitmentStep();
  const onError = useSaveErrorHandler();
  const assistants = useAssistants({ courtId: record.courtId, sort: 'name', order: 'asc' }, 200, step === 'contract');
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');
  const required = { required: true, message: t('common.required') };

  const submit = (v: Record<string, unknown>) => {
    const version = record.version;
    let body: RecruitmentStep;
    if (step === 'interview')
      body = {
        step,
        body: {
          judgeId: v.judgeId as number,
          interviewedOn: day(v.interviewedOn as Dayjs),
          result: v.result as 'passed',
          note: (v.note as string) ?? '',
          version,
        },
      };
    else if (step === 'contract')
      body = {
        step,
        body: {
          contractParty: (v.contractParty as string).trim(),
          payBand: (v.payBand as string).trim(),
          insurance: (v.insurance as string).trim(),
          annualTrainingHours: v.annualTrainingHours as number,
          contractedOn: day(v.contractedOn as Dayjs),
          assistantId: (v.assistantId as number | undefined) ?? null,
          version,
        },
      };
    else body = { step, body: { requestedOn: day(v.requestedOn as Dayjs), reason: (v.reason as string).trim(), version } };
    mutation.mutate(
      { id: record.id, step: body },
      {
        onSuccess: () => {
          message.success(t('network.recruitment.saved'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'VERSION_CONFLICT')) onClose();
          onError(e, form);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t(`network.recruitment.${step}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ interviewedOn: dayjs(), contractedOn: dayjs(), requestedOn: dayjs(), result: 'passed', annualTrainingHours: 16 }}
      >
        {step === 'interview' && (
          <>
            <Form.Item name="judgeId" label={t('network.recruitment.judge')} rules={[required]}>
              <JudgeSelect courtId={record.courtId} />
            </Form.Item>
            <Form.Item name="interviewedOn" label={t('network.recruitment.interviewedOn')} rules={[required]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="result" label={t('network.recruitment.result')} rules={[required]}>
              <Select options={INTERVIEW_RESULTS.map((r) => ({ value: r, label: text(INTERVIEW_RESULT_NAMES[r]) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('network.recruitment.note')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {step === 'contract' && (
          <>
            <Form.Item
              name="contractParty"
              label={t('network.recruitment.contractParty')}
              rules={[{ ...required, whitespace: true }, { max: 100 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="payBand" label={t('network.recruitment.payBand')} rules={[{ ...required, whitespace: true }, { max: 50 }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="insurance"
              label={t('network.recruitment.insurance')}
              rules={[{ ...required, whitespace: true }, { max: 100 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="annualTrainingHours" label={t('network.recruitment.annualTrainingHours')} rules={[required]}>
              <InputNumber min={0} max={999.9} step={0.5} precision={1} />
            </Form.Item>
            <Form.Item name="contractedOn" label={t('network.recruitment.contractedOn')} rules={[required]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="assistantId" label={t('network.recruitment.linkedAssistant')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={(assistants.data?.pages.flatMap((p) => p.items) ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          </>
        )}
        {step === 'replacement' && (
          <>
            <Form.Item name="requestedOn" label={t('network.recruitment.requestedOn')} rules={[required]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('network.recruitment.replacementReason')}
              rules={[{ ...required, whitespace: true }, { max: 500 }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
