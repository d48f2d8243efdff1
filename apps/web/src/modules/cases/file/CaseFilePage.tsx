import { PlusOutlined } from '@ant-design/icons';
import { CASE_TYPES, type CaseTypeCode, isCaseTypeCode, type PartyRoleCode } from '@courtassist/contracts';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { problemText } from '../../../shared/api/problem';
import { useProblemHandler } from '../../../shared/api/useProblemHandler';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { useMe } from '../../auth';
import { CourtTreeSelect } from '../../org';
import { useCaseTypes, useFileCase } from '../api';
import { CauseTreeSelect } from '../components/CauseTreeSelect';
import { chinaToday, DATE_FORMAT, limitText, rolesOf } from '../labels';
import { AgentsSection } from './AgentsSection';
import { type AgentValues, type FilingValues, type PartyValues, toFileCaseRequest } from './filingValues';
import { PartyCard } from './PartyCard';
import { MONEY_RULE } from './partyRules';

const DEFAULT_TYPE: CaseTypeCode = '民初';

/** The catalogue of causes a case type draws from. */
function causeCategory(category: string | undefined): string | undefined {
  if (category === 'criminal' || category === 'administrative') return category;
  return category ? 'civil' : undefined;
}

/** Roles held by a public body, never by a person. */
const BODY_ROLES: readonly PartyRoleCode[] = ['prosecutor', 'original-prosecutor', 'protesting-procuratorate'];

function withRole(party: PartyValues, role: PartyRoleCode | undefined): PartyValues {
  return { ...party, role, kind: role && BODY_ROLES.includes(role) ? 'organisation' : party.kind };
}

function initialParties(type: CaseTypeCode): PartyValues[] {
  const roles = CASE_TYPES[type].partyRoles;
  return roles.slice(0, Math.min(2, roles.length)).map((role) => ({ kind: 'person', role }));
}

/** 立案: files a case with its parties; the server numbers it and computes its trial limit. */
export default function CaseFilePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const types = useCaseTypes();
  const fileCase = useFileCase();
  const showProblem = useProblemHandler();
  const [form] = Form.useForm<FilingValues>();
  const caseTypeCode = Form.useWatch('caseTypeCode', form);
  const procedureCode = Form.useWatch('procedureCode', form);

  const type = useMemo(() => types.data?.items.find((x) => x.code === caseTypeCode), [types.data, caseTypeCode]);
  const procedure = type?.procedures.find((p) => p.code === procedureCode);
  const roles = rolesOf(caseTypeCode);
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);

  // The default procedure of the type once the types have loaded.
  useEffect(() => {
    if (type && !form.getFieldValue('procedureCode')) form.setFieldValue('procedureCode', type.procedures[0]?.code);
  }, [type, form]);

  const onTypeChange = (code: CaseTypeCode) => {
    const next = types.data?.items.find((x) => x.code === code);
    form.setFieldsValue({ procedureCode: next?.procedures[0]?.code as FilingValues['procedureCode'], causeCode: undefined });
    // Roles the new type does not use give way to its usual ones (the first two), or are cleared.
    const allowed = rolesOf(code);
    const parties = (form.getFieldValue('parties') as PartyValues[]).map((p, i) =>
      p.role && allowed.includes(p.role) ? p : withRole(p, i < 2 ? allowed[i] : undefined),
    );
    form.setFieldValue('parties', parties);
  };

  const submit = (values: FilingValues) => {
    fileCase.mutate(toFileCaseRequest(values), {
      onSuccess: (detail) => {
        message.success(t('cases.file.filed', { caseNumber: detail.caseNumber }));
        navigate(`/cases/${detail.id}`);
      },
      onError: (error) => showProblem(error, form),
    });
  };

  /** Removing a party drops its agents and renumbers the others'. */
  const removeParty = (index: number, remove: (index: number) => void) => {
    const agents = (form.getFieldValue('agents') as AgentValues[] | undefined) ?? [];
    form.setFieldValue(
      'agents',
      agents
        .filter((a) => a.partyIndex !== index)
        .map((a) => (a.partyIndex !== undefined && a.partyIndex > index ? { ...a, partyIndex: a.partyIndex - 1 } : a)),
    );
    remove(index);
  };

  if (!me) return null;

  return (
    <Page testId="page-case-file" title={t('nav.caseFile')} description={t('cases.file.description')}>
      {types.isError && <Alert type="error" showIcon message={problemText(types.error, lang)} style={{ marginBottom: 16 }} />}
      <Form<FilingValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        }}
        initialValues={{
          courtId: me.court.id,
          caseTypeCode: DEFAULT_TYPE,
          filedOn: chinaToday(),
          summary: '',
          parties: initialParties(DEFAULT_TYPE),
          agents: [],
        }}
        scrollToFirstError={false}
      >
        <Card title={t('cases.file.caseInfo')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="courtId" label={t('org.court.label')} rules={[{ required: true, message: t('org.court.required') }]}>
                <CourtTreeSelect data-testid="case-court" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item
                name="caseTypeCode"
                label={t('cases.field.caseType')}
                rules={[{ required: true, message: t('cases.file.typeRequired') }]}
              >
                <Select<CaseTypeCode>
                  showSearch
                  optionFilterProp="label"
                  loading={types.isPending}
                  onChange={(code) => isCaseTypeCode(code) && onTypeChange(code)}
                  options={(types.data?.items ?? []).map((x) => ({ value: x.code, label: `${x.code} · ${name(x)}` }))}
                  data-testid="case-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item
                name="procedureCode"
                label={t('cases.field.procedure')}
                rules={[{ required: true, message: t('cases.file.procedureRequired') }]}
                extra={procedure ? t('cases.file.limitHint', { limit: limitText(t, procedure) }) : undefined}
              >
                <Select
                  disabled={!type}
                  options={(type?.procedures ?? []).map((p) => ({ value: p.code, label: `${name(p)}（${limitText(t, p)}）` }))}
                  data-testid="case-procedure"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="causeCode" label={t('cases.field.cause')}>
                <CauseTreeSelect category={causeCategory(type?.category)} data-testid="case-cause" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item
                name="filedOn"
                label={t('cases.field.filedOn')}
                rules={[{ required: true, message: t('cases.file.filedOnRequired') }]}
              >
                <DatePicker
                  format={DATE_FORMAT}
                  allowClear={false}
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
                  data-testid="case-filed-on"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item
                name="claimAmount"
                label={t('cases.field.claimAmount')}
                rules={[{ pattern: MONEY_RULE, message: t('cases.file.amountInvalid') }]}
                getValueFromEvent={(v: string | number | null) => (v === null ? null : String(v))}
              >
                <InputNumber<string>
                  stringMode
                  min="0"
                  max="9999999999999999.99"
                  precision={2}
                  step="1000"
                  suffix={t('cases.file.yuan')}
                  style={{ width: '100%' }}
                  data-testid="case-claim-amount"
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="summary" label={t('cases.field.summary')} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount data-testid="case-summary" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Form.List
          name="parties"
          rules={[
            {
              validator: (_, parties: PartyValues[] | undefined) =>
                parties && parties.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('cases.file.partiesRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Card
              title={t('cases.party.title')}
              style={{ marginBottom: 16 }}
              extra={
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'person', role: roles[Math.min(fields.length, 1)] ?? roles[0] })}
                  disabled={fields.length >= 100}
                  data-testid="party-add"
                >
                  {t('cases.party.add')}
                </Button>
              }
            >
              <Flex vertical gap={12}>
                {fields.map((field) => (
                  <PartyCard
                    key={field.key}
                    form={form}
                    name={field.name}
                    roles={roles}
                    onRemove={fields.length > 1 ? () => removeParty(field.name, remove) : undefined}
                  />
                ))}
              </Flex>
              {errors.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 12 }}
                  data-testid="parties-error"
                  message={
                    <Flex vertical>
                      <Form.ErrorList errors={errors} />
                    </Flex>
                  }
                />
              )}
            </Card>
          )}
        </Form.List>

        <AgentsSection form={form} />

        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
          <Flex justify="flex-end">
            <Space>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={fileCase.isPending} data-testid="case-file-submit">
                {t('cases.file.submit')}
              </Button>
            </Space>
          </Flex>
        </Card>
      </Form>
    </Page>
  );
}
