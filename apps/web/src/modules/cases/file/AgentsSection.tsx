import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AGENT_KIND_NAMES, AGENT_KINDS } from '@courtassist/contracts';
import { Button, Card, Col, Empty, Form, type FormInstance, Input, Row, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBilingual, useLang } from '../../../shared/lib/lang';
import { roleName } from '../labels';
import type { FilingValues, PartyValues } from './filingValues';
import { PHONE_RULE } from './partyRules';

/** Agents ad litem (诉讼代理人), optional; each represents one of the parties above. */
export function AgentsSection({ form }: { form: FormInstance<FilingValues> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pick = useBilingual();
  const parties = (Form.useWatch('parties', form) ?? []) as PartyValues[];
  const partyOptions = parties.map((p, i) => ({
    value: i,
    label: `${p.role ? roleName(p.role, lang) : t('cases.party.numbered', { n: i + 1 })} ${p.name?.trim() || ''}`.trim(),
  }));

  return (
    <Form.List name="agents">
      {(fields, { add, remove }) => (
        <Card
          title={t('cases.agent.title')}
          style={{ marginBottom: 16 }}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'lawyer', partyIndex: 0 })} data-testid="agent-add">
              {t('cases.agent.add')}
            </Button>
          }
        >
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.agent.none')} />}
          {fields.map((field) => (
            <Row key={field.key} gutter={12} align="top" data-testid={`agent-${field.name}`}>
              <Col xs={24} md={12} xl={5}>
                <Form.Item
                  name={[field.name, 'partyIndex']}
                  label={t('cases.agent.party')}
                  rules={[{ required: true, message: t('cases.agent.partyRequired') }]}
                >
                  <Select options={partyOptions} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12} xl={4}>
                <Form.Item name={[field.name, 'kind']} label={t('cases.agent.kind')} rules={[{ required: true }]}>
                  <Select options={AGENT_KINDS.map((kind) => ({ value: kind, label: pick(AGENT_KIND_NAMES[kind]) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8} xl={3}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('cases.agent.name')}
                  rules={[{ required: true, whitespace: true, message: t('cases.party.nameRequired') }, { max: 50 }]}
                >
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8} xl={4}>
                <Form.Item name={[field.name, 'lawFirm']} label={t('cases.agent.lawFirm')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8} xl={4}>
                <Form.Item name={[field.name, 'licenseNumber']} label={t('cases.agent.licenseNumber')} rules={[{ max: 40 }]}>
                  <Input maxLength={40} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={20} md={8} xl={3}>
                <Form.Item
                  name={[field.name, 'phone']}
                  label={t('cases.party.phone')}
                  rules={[{ pattern: PHONE_RULE, message: t('cases.party.phoneInvalid') }]}
                >
                  <Input maxLength={20} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={4} xl={1} style={{ paddingTop: 30 }}>
                <Tooltip title={t('cases.agent.remove')}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('cases.agent.remove')}
                  />
                </Tooltip>
              </Col>
            </Row>
          ))}
        </Card>
      )}
    </Form.List>
  );
}
