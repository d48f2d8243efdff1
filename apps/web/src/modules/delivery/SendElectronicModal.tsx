import {
  type DeliveryTaskDetail,
  isEmailAddress,
  isMainlandMobile,
  type MessageChannel,
  NOTIFICATION_FIELD_ERRORS,
} from '@courtassist/contracts';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { pickText, useLang } from '../../shared/lib/lang';
import { useSendElectronic } from './api';

interface Values {
  channel: MessageChannel;
  address: string;
}

const fits = (channel: MessageChannel, value: string | null | undefined): value is string =>
  !!value && (channel === 'sms' ? isMainlandMobile(value.trim()) : isEmailAddress(value.trim()));

/** The confirmed electronic address when it suits the channel, else the task's phone or e-mail. */
export function defaultAddress(task: DeliveryTaskDetail, channel: MessageChannel): string {
  const confirmed = task.addressConfirmed ? task.electronicAddress : null;
  if (fits(channel, confirmed)) return confirmed.trim();
  const other = channel === 'sms' ? task.phone : task.email;
  return fits(channel, other) ? other.trim() : '';
}

function defaultChannel(task: DeliveryTaskDetail): MessageChannel {
  const confirmed = task.addressConfirmed ? task.electronicAddress : null;
  if (fits('mail', confirmed)) return 'mail';
  if (fits('sms', confirmed) || task.phone) return 'sms';
  return task.email ? 'mail' : 'sms';
}

const same = (a: string, b: string | null) => !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * 电子送达: an SMS or e-mail with a read link, sent from the outbox. The dialog says plainly that
 * only the electronic address the party confirmed makes it count as served, and whether the
 * address entered is that one.
 */
export function SendElectronicModal({ task, open, onClose }: { task: DeliveryTaskDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const onSaveError = useSaveErrorHandler();
  const send = useSendElectronic(task.id);
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form) ?? defaultChannel(task);
  const address = Form.useWatch('address', form) ?? '';
  const confirmed = task.addressConfirmed ? task.electronicAddress : null;

  const submit = (values: Values) =>
    send.mutate(
      { version: task.version, channel: values.channel, address: values.address.trim() },
      {
        onSuccess: () => {
          message.success(t('delivery.electronic.queued'));
          onClose();
        },
        onError: (error) => {
          if (onSaveError(error, form)) onClose();
        },
      },
    );

  const status = !confirmed
    ? { type: 'warning' as const, text: t('delivery.electronic.noConfirmed') }
    : same(address, confirmed)
      ? { type: 'success' as const, text: t('delivery.electronic.confirmed') }
      : { type: 'warning' as const, text: t('delivery.electronic.notConfirmed') };

  return (
    <Modal
      open={open}
      title={t('delivery.electronic.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('delivery.electronic.submit')}
      okButtonProps={{ loading: send.isPending, 'data-testid': 'electronic-submit' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('delivery.electronic.rule')} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ channel: defaultChannel(task), address: defaultAddress(task, defaultChannel(task)) }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.channel) form.setFieldsValue({ address: defaultAddress(task, changed.channel) });
        }}
      >
        <Form.Item name="channel" label={t('delivery.electronic.channel')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="electronic-channel"
            options={[
              { value: 'sms', label: t('delivery.electronic.sms') },
              { value: 'mail', label: t('delivery.electronic.mail') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="address"
          label={channel === 'sms' ? t('delivery.electronic.addressSms') : t('delivery.electronic.addressMail')}
          rules={[
            { required: true, whitespace: true },
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || fits(channel, value)
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        pickText(
                          lang,
                          channel === 'sms' ? NOTIFICATION_FIELD_ERRORS.mobile_number : NOTIFICATION_FIELD_ERRORS.email_address,
                        ),
                      ),
                    ),
            },
          ]}
        >
          <Input maxLength={254} data-testid="electronic-address" />
        </Form.Item>
      </Form>
      <Alert
        type={status.type}
        showIcon
        message={status.text}
        data-testid="electronic-confirmed"
        data-confirmed={status.type === 'success'}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
        {t('delivery.electronic.linkNote')}
      </Typography.Paragraph>
    </Modal>
  );
}
