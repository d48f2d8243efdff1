import { PlusOutlined } from '@ant-design/icons';
import {
  CASE_TYPE_CODES,
  CASE_TYPES,
  type CaseTypeCode,
  WORK_ORDER_RULE_PER,
  WORK_ORDER_RULE_PER_NAMES,
  WORK_ORDER_TRIGGER_NAMES,
  WORK_ORDER_TRIGGERS,
  type WorkOrderRulePer,
  type WorkOrderRuleView,
  type WorkOrderTypeView,
} from '@courtassist/contracts';
import { Alert, App, Button, Card, Form, Modal, Select, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useProblemHandler, useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { type Lang, pickText, useLang } from '../../shared/lib/lang';
import { useCreateOrderRule, useOrderRules, useUpdateOrderRule } from './api';

const caseTypeName = (code: string, lang: Lang) => {
  const type = CASE_TYPES[code as CaseTypeCode];
  return type ? `${code} · ${pickText(lang, type.name)}` : code;
};

interface AddValues {
  caseTypeCode: CaseTypeCode;
  trigger: (typeof WORK_ORDER_TRIGGERS)[number];
  typeCode: string;
  per: WorkOrderRulePer;
}

function AddRuleModal({
  open,
  courtId,
  types,
  onClose,
}: {
  open: boolean;
  courtId: number;
  types: WorkOrderTypeView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const create = useCreateOrderRule();
  const onError = useProblemHandler();
  const required = { required: true, message: t('workOrders.types.required') };
  const submit = (values: AddValues) =>
    create.mutate(
      { courtId, ...values, active: true },
      {
        onSuccess: () => {
          message.success(t('workOrders.rules.saved'));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );
  return (
    <Modal
      open={open}
      title={t('workOrders.rules.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'rule-add-submit' }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<AddValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ trigger: 'assigned', per: 'case' }}
      >
        <Form.Item name="caseTypeCode" label={t('workOrders.rules.caseType')} rules={[required]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={CASE_TYPE_CODES.map((c) => ({ value: c, label: caseTypeName(c, lang) }))}
            data-testid="rule-case-type"
          />
        </Form.Item>
        <Form.Item name="trigger" label={t('workOrders.rules.trigger')} rules={[required]}>
          <Select options={WORK_ORDER_TRIGGERS.map((x) => ({ value: x, label: pickText(lang, WORK_ORDER_TRIGGER_NAMES[x]) }))} />
        </Form.Item>
        <Form.Item name="typeCode" label={t('workOrders.rules.type')} rules={[required]}>
          <Select options={types.map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn : x.nameZh }))} data-testid="rule-type" />
        </Form.Item>
        <Form.Item name="per" label={t('workOrders.rules.per')} rules={[required]}>
          <Select options={WORK_ORDER_RULE_PER.map((x) => ({ value: x, label: pickText(lang, WORK_ORDER_RULE_PER_NAMES[x]) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 自动发起规则 of a court: which orders a case of each type starts on assignment and on closure.
 * Managers switch a rule on or off and choose one order per case or per defendant in place (each
 * change carries the rule's version: a stale one is refused and the list reloads).
 */
export function RulesCard({ courtId, types, canManage }: { courtId: number; types: WorkOrderTypeView[]; canManage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const rules = useOrderRules(courtId);
  const update = useUpdateOrderRule();
  const onSaveError = useSaveErrorHandler();
  const [caseType, setCaseType] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const items = (rules.data?.items ?? []).filter((r) => !caseType || r.caseTypeCode === caseType);

  const change = (rule: WorkOrderRuleView, patch: Partial<Pick<WorkOrderRuleView, 'per' | 'active'>>) =>
    update.mutate(
      { id: rule.id, per: rule.per, active: rule.active, ...patch, version: rule.version },
      { onSuccess: () => message.success(t('workOrders.rules.saved')), onError: (error) => onSaveError(error) },
    );

  const columns: TableProps<WorkOrderRuleView>['columns'] = [
    { title: t('workOrders.rules.caseType'), dataIndex: 'caseTypeCode', render: (c: string) => caseTypeName(c, lang) },
    {
      title: t('workOrders.rules.trigger'),
      dataIndex: 'trigger',
      width: 100,
      render: (x: WorkOrderRuleView['trigger']) => pickText(lang, WORK_ORDER_TRIGGER_NAMES[x]),
    },
    {
      title: t('workOrders.rules.type'),
      key: 'type',
      render: (_: unknown, r) => (
        <>
          {(lang === 'en' ? r.typeNameEn : r.typeNameZh) ?? r.typeCode}
          {r.typeNameZh === null ? (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('workOrders.rules.noType')}
            </Tag>
          ) : (
            !r.effective && (
              <Tag color="orange" style={{ marginInlineStart: 8 }}>
                {t('workOrders.rules.typeInactive')}
              </Tag>
            )
          )}
        </>
      ),
    },
    {
      title: t('workOrders.rules.per'),
      dataIndex: 'per',
      width: 240,
      render: (per: WorkOrderRulePer, r) =>
        canManage ? (
          <Select<WorkOrderRulePer>
            size="small"
            value={per}
            onChange={(v) => change(r, { per: v })}
            options={WORK_ORDER_RULE_PER.map((x) => ({ value: x, label: pickText(lang, WORK_ORDER_RULE_PER_NAMES[x]) }))}
            style={{ width: 220 }}
            aria-label={t('workOrders.rules.per')}
          />
        ) : (
          pickText(lang, WORK_ORDER_RULE_PER_NAMES[per])
        ),
    },
    {
      title: t('workOrders.rules.active'),
      dataIndex: 'active',
      width: 80,
      render: (active: boolean, r) => (
        <Switch
          size="small"
          checked={active}
          disabled={!canManage}
          onChange={(on) => change(r, { active: on })}
          aria-label={t('workOrders.rules.active')}
          data-testid={`rule-active-${r.caseTypeCode}-${r.trigger}-${r.typeCode}`}
        />
      ),
    },
  ];

  return (
    <Card
      title={t('workOrders.rules.title')}
      data-testid="rules-card"
      extra={
        <>
          <Select<string>
            allowClear
            value={caseType}
            onChange={setCaseType}
            placeholder={t('workOrders.rules.all')}
            options={CASE_TYPE_CODES.map((c) => ({ value: c, label: caseTypeName(c, lang) }))}
            style={{ minWidth: 200, marginInlineEnd: 8 }}
            aria-label={t('workOrders.rules.caseType')}
            data-testid="rules-case-type"
          />
          {canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-add">
              {t('workOrders.rules.add')}
            </Button>
          )}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('workOrders.rules.description')}</Typography.Paragraph>
      {rules.isError && <Alert type="error" showIcon message={problemText(rules.error, lang)} style={{ marginBottom: 16 }} />}
      <Table<WorkOrderRuleView>
        data-testid="rules-table"
        rowKey="id"
        size="small"
        loading={rules.isPending}
        columns={columns}
        dataSource={items}
        locale={{ emptyText: t('workOrders.rules.empty') }}
        pagination={items.length > 30 ? { pageSize: 30, showTotal: (count) => t('common.total', { count }) } : false}
      />
      {canManage && <AddRuleModal open={adding} courtId={courtId} types={types} onClose={() => setAdding(false)} />}
    </Card>
  );
}
