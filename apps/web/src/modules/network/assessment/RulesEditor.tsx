import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ASSESSMENT_GRADE_NAMES,
  ASSESSMENT_GRADES,
  ASSESSMENT_INDICATOR_NAMES,
  ASSESSMENT_INDICATORS,
  type AssessmentGrade,
  type AssessmentRules,
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_KINDS,
  NETWORK_TASK_OUTCOME_NAMES,
  NETWORK_TASK_OUTCOMES,
  type NetworkRulesView,
  type NetworkTaskKind,
  type NetworkTaskOutcome,
} from '@courtassist/contracts';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { formatMoment } from '../../../shared/lib/format';
import { useBilingual } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { useRules, useSaveRules } from './api';

/** Yuan as typed (at most two decimals) to fen, by the digits — never through a float product. */
export function fenOf(yuanText: string | number | null | undefined): number {
  const text = String(yuanText ?? '0').trim();
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const yuanOf = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

interface FormValues {
  weights: AssessmentRules['weights'];
  quantityTarget: number;
  thresholds: AssessmentRules['thresholds'];
  bonusCap: number;
  training: AssessmentRules['training'];
  replacement: AssessmentRules['replacement'];
  items: AssessmentRules['items'];
  objectionWorkingDays: number;
  rates: { kind: NetworkTaskKind; outcome: NetworkTaskOutcome; amount: string }[];
  coefficients: Record<AssessmentGrade, number>;
  monthlyCap: string;
}

function toForm(r: NetworkRulesView): FormValues {
  const a = r.assessment;
  return {
    weights: a.weights,
    quantityTarget: a.quantityTarget,
    thresholds: a.thresholds,
    bonusCap: a.bonusCap,
    training: a.training,
    replacement: a.replacement,
    items: a.items,
    objectionWorkingDays: r.objectionWorkingDays,
    rates: r.subsidy.rates.map((x) => ({ kind: x.kind, outcome: x.outcome, amount: yuanOf(x.amountFen) })),
    coefficients: r.subsidy.coefficients,
    monthlyCap: yuanOf(r.subsidy.monthlyCapFen),
  };
}

/** The court's assessment and subsidy rules as a form: tables of weights, items, rates; no JSON. */
export function RulesEditor({ courtId }: { courtId: number }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('network.manage');
  const rules = useRules(courtId);
  const save = useSaveRules();
  const onError = useSaveErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const r = rules.data;
  const weights = Form.useWatch('weights', form);
  const sum = weights ? ASSESSMENT_INDICATORS.reduce((n, k) => n + (Number(weights[k]) || 0), 0) : 100;

  useEffect(() => {
    if (r) form.setFieldsValue(toForm(r));
  }, [r, form]);

  if (!r) return <Card loading size="small" />;

  const submit = (v: FormValues) =>
    save.mutate(
      {
        courtId,
        version: r.version,
        objectionWorkingDays: v.objectionWorkingDays,
        assessment: {
          weights: v.weights,
          quantityTarget: v.quantityTarget,
          thresholds: v.thresholds,
          bonusCap: v.bonusCap,
          training: v.training,
          replacement: v.replacement,
          items: (v.items ?? []).map((i) => ({ code: i.code.trim(), zh: i.zh.trim(), en: i.en.trim(), points: i.points })),
        },
        subsidy: {
          rates: (v.rates ?? []).map((x) => ({ kind: x.kind, outcome: x.outcome, amountFen: fenOf(x.amount) })),
          coefficients: v.coefficients,
          monthlyCapFen: fenOf(v.monthlyCap),
        },
      },
      {
        onSuccess: () => message.success(t('networkAssessment.rules.saved')),
        onError: (e) => {
          onError(e, form);
          if (isApiError(e, 'VERSION_CONFLICT')) rules.refetch();
        },
      },
    );

  const required = { required: true, message: t('common.required') };
  const yuanRule = {
    validator: (_: unknown, value: string) =>
      Number.isNaN(fenOf(value)) ? Promise.reject(new Error(t('networkAssessment.rules.amountInvalid'))) : Promise.resolve(),
  };
  return (
    <Form form={form} layout="vertical" disabled={!manage} onFinish={submit} data-testid="rules-form">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={
          r.version > 0
            ? t('networkAssessment.rules.ownRules', { version: r.version, by: r.updatedByName, at: formatMoment(r.updatedAt) })
            : r.sourceCourtId
              ? t('networkAssessment.rules.inherited')
              : t('networkAssessment.rules.defaults')
        }
        description={manage ? undefined : t('networkAssessment.rules.readOnly')}
      />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('networkAssessment.rules.weights')}
            extra={
              <Typography.Text type={sum === 100 ? 'secondary' : 'danger'}>
                {t('networkAssessment.rules.weightsSum', { sum })}
              </Typography.Text>
            }
          >
            <Row gutter={8}>
              {ASSESSMENT_INDICATORS.map((k) => (
                <Col span={8} key={k}>
                  <Form.Item name={['weights', k]} label={text(ASSESSMENT_INDICATOR_NAMES[k])} rules={[required]}>
                    <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              <Col span={8}>
                <Form.Item name="quantityTarget" label={t('networkAssessment.rules.quantityTarget')} rules={[required]}>
                  <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="bonusCap" label={t('networkAssessment.rules.bonusCap')} rules={[required]}>
                  <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="objectionWorkingDays" label={t('networkAssessment.rules.objectionDays')} rules={[required]}>
                  <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('networkAssessment.rules.thresholds')} style={{ marginTop: 12 }}>
            <Row gutter={8}>
              {(['excellent', 'qualified', 'basic'] as const).map((g) => (
                <Col span={8} key={g}>
                  <Form.Item name={['thresholds', g]} label={text(ASSESSMENT_GRADE_NAMES[g])} rules={[required]}>
                    <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              <Col span={8}>
                <Form.Item
                  name={['training', 'minimumHoursPerYear']}
                  label={t('networkAssessment.rules.trainingMinimum')}
                  rules={[required]}
                >
                  <InputNumber min={0} max={2000} precision={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['training', 'prorated']} label={t('networkAssessment.rules.prorated')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['training', 'capGrade']} label={t('networkAssessment.rules.capGrade')} rules={[required]}>
                  <Select options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: text(ASSESSMENT_GRADE_NAMES[g]) }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name={['replacement', 'consecutiveMonths']}
                  label={t('networkAssessment.rules.replacementMonths')}
                  rules={[required]}
                >
                  <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name={['replacement', 'poorGrades']} label={t('networkAssessment.rules.poorGrades')} rules={[required]}>
                  <Select mode="multiple" options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: text(ASSESSMENT_GRADE_NAMES[g]) }))} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('networkAssessment.rules.itemsTitle')} style={{ marginTop: 12 }}>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" size={4}>
                      <Form.Item name={[f.name, 'code']} rules={[required, { pattern: /^[a-z][a-z0-9-]{0,39}$/ }]}>
                        <Input placeholder={t('networkAssessment.rules.itemCode')} style={{ width: 118 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'zh']} rules={[{ ...required, whitespace: true }, { max: 40 }]}>
                        <Input placeholder={t('networkAssessment.rules.itemZh')} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'en']} rules={[{ ...required, whitespace: true }, { max: 80 }]}>
                        <Input placeholder={t('networkAssessment.rules.itemEn')} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'points']} rules={[required]}>
                        <InputNumber
                          placeholder={t('networkAssessment.rules.itemPoints')}
                          min={-100}
                          max={100}
                          precision={2}
                          style={{ width: 80 }}
                        />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={t('networkAssessment.items.remove')} onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', zh: '', en: '', points: 1 })}>
                    {t('networkAssessment.rules.addItem')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('networkAssessment.rules.subsidyTitle')}>
            <Form.List name="rates">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap>
                      <Form.Item name={[f.name, 'kind']} rules={[required]}>
                        <Select
                          style={{ width: 170 }}
                          aria-label={t('networkAssessment.rules.rateKind')}
                          options={NETWORK_TASK_KINDS.map((k) => ({ value: k, label: text(NETWORK_TASK_KIND_NAMES[k]) }))}
                        />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() => {
                          const kind = form.getFieldValue(['rates', f.name, 'kind']) as NetworkTaskKind | undefined;
                          return (
                            <Form.Item name={[f.name, 'outcome']} rules={[required]}>
                              <Select
                                style={{ width: 140 }}
                                aria-label={t('networkAssessment.rules.rateOutcome')}
                                options={NETWORK_TASK_OUTCOMES.map((o) => ({
                                  value: o,
                                  label: kind ? text(NETWORK_TASK_OUTCOME_NAMES[kind][o]) : o,
                                }))}
                              />
                            </Form.Item>
                          );
                        }}
                      </Form.Item>
                      <Form.Item name={[f.name, 'amount']} rules={[required, yuanRule]}>
                        <InputNumber
                          stringMode
                          min="0"
                          precision={2}
                          addonAfter="元"
                          style={{ width: 150 }}
                          aria-label={t('networkAssessment.rules.rateAmount')}
                        />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={t('networkAssessment.items.remove')} onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: 'delivery', outcome: 'success', amount: '0.00' })}
                  >
                    {t('networkAssessment.rules.addRate')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title={t('networkAssessment.rules.coefficients')} style={{ marginTop: 12 }}>
            <Row gutter={8}>
              {ASSESSMENT_GRADES.map((g) => (
                <Col span={6} key={g}>
                  <Form.Item name={['coefficients', g]} label={text(ASSESSMENT_GRADE_NAMES[g])} rules={[required]}>
                    <InputNumber min={0} max={5000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              <Col span={12}>
                <Form.Item name="monthlyCap" label={t('networkAssessment.rules.monthlyCap')} rules={[required, yuanRule]}>
                  <InputNumber stringMode min="0" precision={2} addonAfter="元" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          {manage && (
            <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }} data-testid="rules-save">
              {t('networkAssessment.rules.save')}
            </Button>
          )}
        </Col>
      </Row>
    </Form>
  );
}
