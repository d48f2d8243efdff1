import { ArrowLeftOutlined, EditOutlined, KeyOutlined, LikeOutlined, SwapOutlined } from '@ant-design/icons';
import {
  ASSISTANT_STATUS_NAMES,
  ASSISTANT_STATUSES,
  type AssistantProfile,
  COMMENDATION_KIND_NAMES,
  COMMENDATION_KINDS,
  EDUCATION_NAMES,
  GENDER_NAMES,
  TRAINING_KIND_NAMES,
} from '@courtassist/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api/client';
import { useProblemHandler, useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { Page } from '../../shared/components/Page';
import { formatMoment } from '../../shared/lib/format';
import { useBilingual } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { AssistantDrawer } from './AssistantDrawer';
import { useAddCommendation, useAssistant, useChangeStatus, useCreateAccount } from './api';
import { AssistantAssessmentsCard } from './assessment/AssistantAssessmentsCard';
import { AssistantStatusTag, CategoryTags } from './common';
import { AssistantSubsidiesCard } from './subsidies/AssistantSubsidiesCard';
import { AssistantTasksCard } from './tasks/AssistantTasksCard';

/** 协助员档案: person, categories, stations, status history, training and commendations. */
export default function AssistantProfilePage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const can = useCan();
  const manage = can('network.manage');
  const id = Number(useParams().id) || undefined;
  const profile = useAssistant(id);
  const [dialog, setDialog] = useState<'edit' | 'status' | 'commendation' | 'account' | null>(null);
  const a = profile.data;

  if (profile.isError) {
    return <Result status="404" title={t('common.noMatch')} extra={<Link to="/network/assistants">{t('network.profile.back')}</Link>} />;
  }
  return (
    <Page
      testId="network-profile-page"
      title={a ? t('network.profile.title', { name: a.name }) : t('common.loading')}
      extra={
        <>
          <Link to={a ? `/network/assistants?courtId=${a.courtId}` : '/network/assistants'}>
            <Button icon={<ArrowLeftOutlined />}>{t('network.profile.back')}</Button>
          </Link>
          {manage && a && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="profile-edit">
                {t('common.edit')}
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setDialog('status')} data-testid="profile-status">
                {t('network.profile.changeStatus')}
              </Button>
              <Button icon={<LikeOutlined />} onClick={() => setDialog('commendation')} data-testid="profile-commendation">
                {t('network.profile.addCommendation')}
              </Button>
              {can('user.manage') && a.userId === null && a.status !== 'left' && (
                <Button icon={<KeyOutlined />} onClick={() => setDialog('account')} data-testid="profile-account">
                  {t('network.profile.createAccount')}
                </Button>
              )}
            </>
          )}
        </>
      }
    >
      {!a ? (
        <Card loading />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('network.profile.person')}>
              {!a.revealed && <Alert type="info" showIcon message={t('network.profile.masked')} style={{ marginBottom: 12 }} />}
              {a.accountStatus === 'disabled' && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('network.assistant.accountDisabledHint')}
                  style={{ marginBottom: 12 }}
                  data-testid="profile-account-disabled"
                />
              )}
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="profile-person">
                <Descriptions.Item label={t('network.assistant.name')}>{a.name}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.status')}>
                  <AssistantStatusTag status={a.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.gender')}>{a.gender ? text(GENDER_NAMES[a.gender]) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.birthDate')}>{a.birthDate ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.phone')}>{a.phone || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.idNumber')}>{a.idNumber ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.education')}>
                  {a.education ? text(EDUCATION_NAMES[a.education]) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.startOn')}>{a.startOn}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.employer')}>{a.employer || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.post')}>{a.post || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('network.court')}>{a.courtName}</Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.account')}>
                  <span data-testid="profile-account-status">
                    {a.username ?? t('network.assistant.noAccount')}
                    {a.accountStatus === 'disabled' && (
                      <Tooltip title={t('network.assistant.accountDisabledHint')}>
                        <Tag color="red" style={{ marginInlineStart: 6 }}>
                          {t('network.assistant.accountDisabled')}
                        </Tag>
                      </Tooltip>
                    )}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.categories')} span={2}>
                  <CategoryTags categories={a.categories} />
                </Descriptions.Item>
                <Descriptions.Item label={t('network.assistant.stations')} span={2}>
                  {a.stations.map((s) => (
                    <Tag key={s.id}>{s.name}</Tag>
                  ))}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('network.profile.training')} style={{ marginTop: 16 }} data-testid="profile-training">
              {a.training.sessions.length === 0 ? (
                <Empty description={t('network.profile.noTraining')} />
              ) : (
                <>
                  <Space wrap style={{ marginBottom: 8 }}>
                    <Typography.Text strong>{t('network.profile.hoursByYear')}:</Typography.Text>
                    {a.training.hoursByYear.map((y) => (
                      <Tag color="blue" key={y.year}>
                        {t('network.profile.hoursYear', { year: y.year, hours: y.hours.toFixed(1), sessions: y.sessions })}
                      </Tag>
                    ))}
                  </Space>
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={a.training.sessions}
                    columns={[
                      { title: t('network.training.heldOn'), dataIndex: 'heldOn' },
                      { title: t('network.training.topic'), dataIndex: 'topic' },
                      {
                        title: t('network.training.kind'),
                        dataIndex: 'kind',
                        render: (k: keyof typeof TRAINING_KIND_NAMES) => text(TRAINING_KIND_NAMES[k]),
                      },
                      { title: t('network.training.hours'), dataIndex: 'hours', render: (h: number) => h.toFixed(1) },
                      { title: t('network.training.trainer'), dataIndex: 'trainer' },
                    ]}
                  />
                </>
              )}
            </Card>
            <div style={{ marginTop: 16 }}>
              <AssistantTasksCard assistantId={a.id} />
            </div>
            <div style={{ marginTop: 16 }}>
              <AssistantAssessmentsCard assistantId={a.id} />
            </div>
            <div style={{ marginTop: 16 }}>
              <AssistantSubsidiesCard assistantId={a.id} courtId={a.courtId} />
            </div>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('network.profile.statusHistory')} data-testid="profile-history">
              <Timeline
                items={a.statusHistory.map((h) => ({
                  color: h.toStatus === 'active' ? 'green' : h.toStatus === 'paused' ? 'orange' : 'gray',
                  children: (
                    <>
                      <Typography.Text strong>
                        {h.fromStatus
                          ? t('network.profile.from', {
                              from: text(ASSISTANT_STATUS_NAMES[h.fromStatus]),
                              to: text(ASSISTANT_STATUS_NAMES[h.toStatus]),
                            })
                          : t('network.profile.registered', { to: text(ASSISTANT_STATUS_NAMES[h.toStatus]) })}
                      </Typography.Text>
                      <div>{h.reason}</div>
                      <Typography.Text type="secondary">
                        {formatMoment(h.changedAt)} · {h.changedByName}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            </Card>
            <Card size="small" title={t('network.profile.commendations')} style={{ marginTop: 16 }} data-testid="profile-commendations">
              {a.commendations.length === 0 ? (
                <Empty description={t('network.profile.noCommendations')} />
              ) : (
                <List
                  size="small"
                  dataSource={a.commendations}
                  renderItem={(c) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Space>
                            <Tag color={c.kind === 'commendation' ? 'green' : 'red'}>{text(COMMENDATION_KIND_NAMES[c.kind])}</Tag>
                            {c.recordedOn}
                          </Space>
                        }
                        description={`${c.reason} · ${t('network.profile.recordedBy')}: ${c.recordedByName}`}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
      {a && (
        <>
          <AssistantDrawer open={dialog === 'edit'} courtId={a.courtId} assistant={a} onClose={() => setDialog(null)} />
          <StatusModal open={dialog === 'status'} assistant={a} onClose={() => setDialog(null)} />
          <CommendationModal open={dialog === 'commendation'} assistant={a} onClose={() => setDialog(null)} />
          <AccountModal open={dialog === 'account'} assistant={a} onClose={() => setDialog(null)} />
        </>
      )}
    </Page>
  );
}

function StatusModal({ open, assistant, onClose }: { open: boolean; assistant: AssistantProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: AssistantProfile['status']; reason: string }>();
  const change = useChangeStatus();
  const onError = useSaveErrorHandler();
  const chosen = Form.useWatch('status', form);
  return (
    <Modal
      open={open}
      title={t('network.profile.changeStatus')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          change.mutate(
            { id: assistant.id, status: values.status, reason: values.reason.trim(), version: assistant.version },
            {
              onSuccess: () => {
                message.success(t('network.profile.statusChanged'));
                onClose();
              },
              onError: (error) => {
                if (isApiError(error, 'VERSION_CONFLICT')) onClose();
                onError(error, form);
              },
            },
          )
        }
      >
        <Form.Item name="status" label={t('network.profile.newStatus')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={ASSISTANT_STATUSES.filter((s) => s !== assistant.status).map((s) => ({
              value: s,
              label: text(ASSISTANT_STATUS_NAMES[s]),
            }))}
          />
        </Form.Item>
        {chosen === 'left' && (
          <Alert
            type="warning"
            showIcon
            message={t('network.profile.leavingWarning')}
            style={{ marginBottom: 16 }}
            data-testid="status-leaving"
          />
        )}
        {chosen === 'paused' && <Alert type="info" showIcon message={t('network.profile.pausingNote')} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="reason"
          label={t('network.profile.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CommendationModal({ open, assistant, onClose }: { open: boolean; assistant: AssistantProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'commendation' | 'criticism'; recordedOn: Dayjs; reason: string }>();
  const add = useAddCommendation();
  const onError = useProblemHandler();
  return (
    <Modal
      open={open}
      title={t('network.profile.addCommendation')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'commendation', recordedOn: dayjs() }}
        onFinish={(values) =>
          add.mutate(
            { id: assistant.id, kind: values.kind, recordedOn: values.recordedOn.format('YYYY-MM-DD'), reason: values.reason.trim() },
            {
              onSuccess: () => {
                message.success(t('network.profile.commendationSaved'));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('network.profile.commendationKind')} rules={[{ required: true }]}>
          <Select options={COMMENDATION_KINDS.map((k) => ({ value: k, label: text(COMMENDATION_KIND_NAMES[k]) }))} />
        </Form.Item>
        <Form.Item name="recordedOn" label={t('network.profile.recordedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('network.profile.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AccountModal({ open, assistant, onClose }: { open: boolean; assistant: AssistantProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const create = useCreateAccount();
  const onError = useSaveErrorHandler();
  return (
    <Modal
      open={open}
      title={t('network.profile.createAccount')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          create.mutate(
            { id: assistant.id, username: values.username.trim(), password: values.password, version: assistant.version },
            {
              onSuccess: (saved) => {
                message.success(t('network.profile.accountCreated', { username: saved.username }));
                onClose();
              },
              onError: (error) => {
                if (isApiError(error, 'VERSION_CONFLICT')) onClose();
                onError(error, form);
              },
            },
          )
        }
      >
        <Form.Item
          name="username"
          label={t('network.profile.username')}
          rules={[{ required: true, message: t('common.required') }, { pattern: /^[a-zA-Z0-9_.-]{3,40}$/ }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('network.profile.initialPassword')}
          extra={t('network.profile.passwordHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
