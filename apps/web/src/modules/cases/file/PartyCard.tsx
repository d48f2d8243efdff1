import { BankOutlined, DeleteOutlined, UserOutlined } from '@ant-design/icons';
import { type PartyRoleCode, validateIdCard } from '@courtassist/contracts';
import { Button, Card, Col, DatePicker, Form, type FormInstance, Input, Row, Segmented, Select, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/lib/lang';
import { chinaToday, DATE_FORMAT, roleName } from '../labels';
import type { FilingValues } from './filingValues';
import { codeRule, creditCodeProblem, idCardProblem, normaliseCode, PHONE_RULE } from './partyRules';

interface PartyCardProps {
  form: FormInstance<FilingValues>;
  /** The Form.List field name (its index in `parties`). */
  name: number;
  roles: readonly PartyRoleCode[];
  onRemove?: () => void;
}

/** One party: role, person or organisation, and the facts the kind needs. */
export function PartyCard({ form, name, roles, onRemove }: PartyCardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const kind = Form.useWatch(['parties', name, 'kind'], form);
  const idNumber = Form.useWatch(['parties', name, 'idNumber'], form) as string | undefined;
  const decoded = idNumber ? validateIdCard(normaliseCode(idNumber)) : null;
  const derived = !!decoded?.ok;

  // A valid ID number gives the birth date and the gender; fill them in as soon as it is complete.
  const onIdNumberChange = (value: string) => {
    const result = validateIdCard(normaliseCode(value));
    if (result.ok) {
      form.setFieldValue(['parties', name, 'gender'], result.gender);
      form.setFieldValue(['parties', name, 'birthDate'], dayjs(result.birthDate));
      void form.validateFields([
        ['parties', name, 'gender'],
        ['parties', name, 'birthDate'],
      ]);
    }
  };

  const phone = (
    <Form.Item
      name={[name, 'phone']}
      label={t('cases.party.phone')}
      rules={[{ pattern: PHONE_RULE, message: t('cases.party.phoneInvalid') }]}
    >
      <Input maxLength={20} autoComplete="off" />
    </Form.Item>
  );
  const address = (
    <Form.Item name={[name, 'address']} label={t('cases.party.address')} rules={[{ max: 200 }]}>
      <Input maxLength={200} autoComplete="off" />
    </Form.Item>
  );

  return (
    <Card
      size="small"
      data-testid={`party-${name}`}
      title={
        <Row gutter={12} align="middle" wrap={false}>
          <Col flex="none">{t('cases.party.numbered', { n: name + 1 })}</Col>
          <Col flex="180px">
            <Form.Item name={[name, 'role']} rules={[{ required: true, message: t('cases.party.roleRequired') }]} style={{ margin: 0 }}>
              <Select
                placeholder={t('cases.party.role')}
                aria-label={t('cases.party.role')}
                options={roles.map((role) => ({ value: role, label: roleName(role, lang) }))}
                data-testid={`party-${name}-role`}
              />
            </Form.Item>
          </Col>
          <Col flex="none">
            <Form.Item name={[name, 'kind']} style={{ margin: 0 }}>
              <Segmented
                options={[
                  {
                    value: 'person',
                    icon: <UserOutlined />,
                    label: <span data-testid={`party-${name}-person`}>{t('cases.party.person')}</span>,
                  },
                  {
                    value: 'organisation',
                    icon: <BankOutlined />,
                    label: <span data-testid={`party-${name}-organisation`}>{t('cases.party.organisation')}</span>,
                  },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      }
      extra={
        onRemove && (
          <Tooltip title={t('cases.party.remove')}>
            <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('cases.party.remove')} />
          </Tooltip>
        )
      }
    >
      {kind === 'organisation' ? (
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name={[name, 'name']}
              label={t('cases.party.orgName')}
              rules={[{ required: true, whitespace: true, message: t('cases.party.nameRequired') }, { max: 100 }]}
            >
              <Input maxLength={100} autoComplete="off" data-testid={`party-${name}-name`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name={[name, 'creditCode']}
              label={t('cases.party.creditCode')}
              normalize={(v: string) => v?.toUpperCase()}
              validateTrigger={['onChange', 'onBlur']}
              rules={[codeRule(creditCodeProblem, lang)]}
            >
              <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid={`party-${name}-credit-code`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name={[name, 'legalRepresentative']} label={t('cases.party.legalRepresentative')} rules={[{ max: 50 }]}>
              <Input maxLength={50} autoComplete="off" data-testid={`party-${name}-legal-rep`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            {phone}
          </Col>
          <Col xs={24} xl={16}>
            {address}
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item
              name={[name, 'name']}
              label={t('cases.party.personName')}
              rules={[{ required: true, whitespace: true, message: t('cases.party.nameRequired') }, { max: 50 }]}
            >
              <Input maxLength={50} autoComplete="off" data-testid={`party-${name}-name`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name={[name, 'idNumber']}
              label={t('cases.party.idNumber')}
              normalize={(v: string) => v?.toUpperCase()}
              validateTrigger={['onChange', 'onBlur']}
              rules={[codeRule(idCardProblem, lang)]}
              extra={derived ? t('cases.party.idDerived') : undefined}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                style={{ fontFamily: 'monospace' }}
                onChange={(e) => onIdNumberChange(e.target.value)}
                data-testid={`party-${name}-id-number`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item name={[name, 'gender']} label={t('cases.party.gender')}>
              <Select
                allowClear
                disabled={derived}
                options={[
                  { value: 'male', label: t('cases.party.male') },
                  { value: 'female', label: t('cases.party.female') },
                ]}
                data-testid={`party-${name}-gender`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={6}>
            <Form.Item name={[name, 'birthDate']} label={t('cases.party.birthDate')}>
              <DatePicker
                format={DATE_FORMAT}
                disabled={derived}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
                data-testid={`party-${name}-birth-date`}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            {phone}
          </Col>
          <Col xs={24} xl={18}>
            {address}
          </Col>
        </Row>
      )}
    </Card>
  );
}
