import { type CaseDetail, CLOSURE_METHODS, CLOSURE_REQUIRED, type ClosureMethod } from '@courtassist/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../../shared/lib/lang';
import { useCloseCase } from '../../api';
import { chinaToday, closureName, DATE_FORMAT, toIsoDate } from '../../labels';
import { useActionError } from './useActionError';

interface FormValues {
  method?: ClosureMethod;
  closedOn?: Dayjs;
  pronouncedOn?: Dayjs | null;
  transferTo?: string;
}

/** 结案: the method, the closure date, and what the method requires (the effective date, the court transferred to). */
export function CloseModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const closeCase = useCloseCase();
  const { onError, notice } = useActionError(form, onClose, open);
  const method = Form.useWatch('method', form);
  const closedOn = Form.useWatch('closedOn', form);
  const required = method ? CLOSURE_REQUIRED[method] : [];
  const filedOn = dayjs(detail.filedOn);

  useEffect(() => {
    if (open) form.setFieldsValue({ closedOn: chinaToday() });
  }, [open, form]);

  const outside = (d: Dayjs, last: Dayjs | undefined) => d.isBefore(filedOn, 'day') || d.isAfter(last ?? chinaToday(), 'day');

  const submit = (values: FormValues) =>
    closeCase.mutate(
      {
        id: detail.id,
        method: values.method as ClosureMethod,
        closedOn: toIsoDate(values.closedOn) as string,
        pronouncedOn: required.includes('pronouncedOn') ? toIsoDate(values.pronouncedOn) : undefined,
        transferTo: required.includes('transferTo') ? values.transferTo?.trim() : undefined,
        version: detail.version,
      },
      {
        onSuccess: () => {
          message.success(t('cases.close.done'));
          onClose();
        },
        onError,
      },
    );

  return (
    <Modal
      open={open}
      title={t('cases.close.title', { caseNumber: detail.caseNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.close.action')}
      confirmLoading={closeCase.isPending}
      destroyOnHidden
    >
      {notice}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="method" label={t('cases.close.method')} rules={[{ required: true, message: t('cases.close.methodRequired') }]}>
          <Select options={CLOSURE_METHODS.map((m) => ({ value: m, label: closureName(m, lang) }))} data-testid="close-method" />
        </Form.Item>
        <Form.Item
          name="closedOn"
          label={t('cases.field.closedOn')}
          rules={[{ required: true, message: t('cases.close.dateRequired') }]}
          extra={t('cases.close.dateHint', { filedOn: detail.filedOn })}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => outside(d, undefined)} />
        </Form.Item>
        {required.includes('pronouncedOn') && (
          <Form.Item
            name="pronouncedOn"
            label={t('cases.close.pronouncedOn')}
            rules={[{ required: true, message: t('cases.close.pronouncedOnRequired') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => outside(d, closedOn)} />
          </Form.Item>
        )}
        {required.includes('transferTo') && (
          <Form.Item
            name="transferTo"
            label={t('cases.close.transferTo')}
            rules={[{ required: true, whitespace: true, message: t('cases.close.transferToRequired') }, { max: 100 }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
