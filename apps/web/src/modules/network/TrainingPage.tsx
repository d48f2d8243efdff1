import { PlusOutlined } from '@ant-design/icons';
import { TRAINING_KIND_NAMES, TRAINING_KINDS, type TrainingKind, type TrainingSessionView } from '@courtassist/contracts';
import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { Page } from '../../shared/components/Page';
import { useBilingual } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { CourtTreeSelect } from '../org';
import { useAssistants, useSaveTrainingSession, useTrainingSession, useTrainingSessions } from './api';
import { useCourtParam } from './common';

/** 培训: a court's training sessions by year, with attendance. */
export default function TrainingPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const can = useCan();
  const manage = can('network.manage');
  const [courtId, setCourtId] = useCourtParam();
  const thisYear = dayjs().year();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useTrainingSessions(courtId, year, page, pageSize);
  const [editing, setEditing] = useState<number | null | undefined>(undefined);

  return (
    <Page
      testId="network-training-page"
      title={t('network.training.title')}
      description={t('network.training.description')}
      extra={
        <>
          <CourtTreeSelect style={{ width: 280 }} value={courtId ?? null} onChange={setCourtId} />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('network.training.year')}
            value={year}
            onChange={(value) => {
              setYear(value);
              setPage(1);
            }}
            options={[0, 1, 2, 3].map((n) => ({ value: thisYear - n, label: String(thisYear - n) }))}
          />
          {manage && courtId !== undefined && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="training-add">
              {t('network.training.add')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small">
        <Table<TrainingSessionView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('network.training.empty') }}
          columns={[
            { title: t('network.training.heldOn'), dataIndex: 'heldOn' },
            { title: t('network.training.topic'), dataIndex: 'topic' },
            { title: t('network.training.kind'), dataIndex: 'kind', render: (k: TrainingKind) => text(TRAINING_KIND_NAMES[k]) },
            { title: t('network.training.hours'), dataIndex: 'hours', render: (h: number) => h.toFixed(1) },
            { title: t('network.training.trainer'), dataIndex: 'trainer' },
            { title: t('network.training.attendeeCount'), dataIndex: 'attendeeCount' },
            { title: t('network.court'), dataIndex: 'courtName' },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, s: TrainingSessionView) => (
                      <Button size="small" onClick={() => setEditing(s.id)}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
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
      </Card>
      {courtId !== undefined && editing !== undefined && (
        <SessionDrawer courtId={courtId} id={editing} onClose={() => setEditing(undefined)} />
      )}
    </Page>
  );
}

interface FormValues {
  topic: string;
  heldOn: Dayjs;
  hours: number;
  trainer: string;
  kind: TrainingKind;
  assistantIds: number[];
}

function SessionDrawer({ courtId, id, onClose }: { courtId: number; id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const session = useTrainingSession(id ?? undefined);
  const sessionCourt = session.data?.courtId ?? courtId;
  const assistants = useAssistants({ courtId: sessionCourt, sort: 'name', order: 'asc' }, 200);
  const save = useSaveTrainingSession();
  const onError = useSaveErrorHandler();

  useEffect(() => {
    if (id === null) form.setFieldsValue({ heldOn: dayjs(), kind: 'lecture', hours: 2, assistantIds: [] });
    else if (session.data)
      form.setFieldsValue({ ...session.data, heldOn: dayjs(session.data.heldOn), assistantIds: session.data.attendees.map((a) => a.id) });
  }, [id, session.data, form]);

  const people = assistants.data?.pages.flatMap((p) => p.items) ?? [];
  const options = [
    ...people.filter((a) => a.status !== 'left').map((a) => ({ value: a.id, label: a.name })),
    // Someone who attended and has left since stays on the record.
    ...(session.data?.attendees ?? [])
      .filter((a) => !people.some((p) => p.id === a.id && p.status !== 'left'))
      .map((a) => ({ value: a.id, label: a.name })),
  ];

  const submit = (v: FormValues) => {
    const body = {
      topic: v.topic.trim(),
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      hours: v.hours,
      trainer: v.trainer.trim(),
      kind: v.kind,
      assistantIds: v.assistantIds ?? [],
    };
    const done = {
      onSuccess: () => {
        message.success(t('network.training.saved'));
        onClose();
      },
      onError: (error: unknown) => {
        if (isApiError(error, 'VERSION_CONFLICT')) onClose();
        onError(error, form);
      },
    };
    if (id === null) save.mutate({ id: null, body: { courtId, ...body } }, done);
    else if (session.data) save.mutate({ id, body: { ...body, version: session.data.version } }, done);
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Drawer
      open
      onClose={onClose}
      width={560}
      title={id === null ? t('network.training.create') : t('network.training.edit')}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="training-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="topic" label={t('network.training.topic')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('network.training.kind')} rules={[required]}>
          <Select options={TRAINING_KINDS.map((k) => ({ value: k, label: text(TRAINING_KIND_NAMES[k]) }))} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('network.training.heldOn')} rules={[required]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="hours" label={t('network.training.hours')} rules={[required]}>
          <InputNumber min={0} max={999.9} step={0.5} precision={1} />
        </Form.Item>
        <Form.Item name="trainer" label={t('network.training.trainer')} rules={[{ ...required, whitespace: true }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="assistantIds" label={t('network.training.attendees')}>
          <Select mode="multiple" optionFilterProp="label" loading={assistants.isPending} options={options} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
