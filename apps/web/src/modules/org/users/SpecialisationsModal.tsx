import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CASE_TYPE_CODES, CASE_TYPES, type CaseTypeCode, MAX_SPECIALISATIONS, type User } from '@courtassist/contracts';
import { Alert, App, Button, type ButtonProps, Flex, Form, Modal, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useBilingual, useLang } from '../../../shared/lib/lang';
import { CauseTreeSelect } from '../../cases';
import { useSetSpecialisations, useSpecialisations } from '../api/users';

interface Row {
  caseTypeCode?: CaseTypeCode;
  causeCode?: string | null;
}

/** Case categories whose causes come from the civil catalogue (as the API checks). */
const CAUSE_CATEGORY: Record<string, string | undefined> = {
  civil: 'civil',
  criminal: 'criminal',
  administrative: 'administrative',
  enforcement: 'civil',
  mediation: 'civil',
};

/**
 * 审判专长: the case types, optionally narrowed to a cause subtree, for which the automatic draw
 * considers a judge. While any judge of a division is specialised in a case's type and cause,
 * only those judges are drawn for it.
 */
export function SpecialisationsModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: Row[] }>();
  const stored = useSpecialisations(user?.id ?? null);
  const save = useSetSpecialisations(user?.id ?? 0);
  const onSaveError = useSaveErrorHandler();

  useEffect(() => {
    if (stored.data)
      form.setFieldsValue({
        items: stored.data.items.map((i) => ({ caseTypeCode: i.caseTypeCode as CaseTypeCode, causeCode: i.causeCode })),
      });
  }, [stored.data, form]);

  const submit = async () => {
    const { items } = await form.validateFields();
    if (!stored.data) return;
    save.mutate(
      {
        items: (items ?? []).map((i) => ({ caseTypeCode: i.caseTypeCode as CaseTypeCode, causeCode: i.causeCode ?? null })),
        revision: stored.data.revision,
      },
      {
        onSuccess: () => {
          void message.success(t('org.specialisation.saved', { name: user?.displayName }));
          onClose();
        },
        onError: (error) => onSaveError(error, form),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('org.specialisation.title', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !stored.data, 'data-testid': 'specialisations-save' } as ButtonProps}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('org.specialisation.help')}</Typography.Paragraph>
      {stored.isError && <Alert type="error" showIcon message={problemText(stored.error, lang)} />}
      {stored.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" data-testid="specialisations-form">
          <Form.List name="items">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.length === 0 && <Alert type="info" showIcon message={t('org.specialisation.none')} style={{ marginBottom: 12 }} />}
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'caseTypeCode']}
                      rules={[{ required: true, message: t('org.specialisation.typeRequired') }]}
                      style={{ width: 200, marginBottom: 12 }}
                    >
                      <Select
                        placeholder={t('org.specialisation.caseType')}
                        options={CASE_TYPE_CODES.map((code) => ({ value: code, label: `${code} · ${bilingual(CASE_TYPES[code].name)}` }))}
                        onChange={() => form.setFieldValue(['items', field.name, 'causeCode'], null)}
                      />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['items', field.name, 'caseTypeCode']]}>
                      {() => {
                        const type = form.getFieldValue(['items', field.name, 'caseTypeCode']) as CaseTypeCode | undefined;
                        return (
                          <Form.Item name={[field.name, 'causeCode']} style={{ flex: 1, marginBottom: 12 }}>
                            <CauseTreeSelect
                              allowClear
                              disabled={!type}
                              category={type ? CAUSE_CATEGORY[CASE_TYPES[type].category] : undefined}
                              placeholder={t('org.specialisation.allCauses')}
                            />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('org.specialisation.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  disabled={fields.length >= MAX_SPECIALISATIONS}
                  onClick={() => add({ causeCode: null })}
                  data-testid="specialisations-add"
                >
                  {t('org.specialisation.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
