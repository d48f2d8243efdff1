import type { AddressConfirmationView, CaseDetail } from '@courtassist/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { useLang } from '../../shared/lib/lang';
import { useSaveConfirmation } from './api';
import { DATE_FORMAT, roleName } from './labels';

interface Values {
  partyId: number;
  address: string;
  phone?: string;
  email?: string;
  electronicAddress?: string;
  signedOn: Dayjs;
}

interface ModalProps {
  detail: CaseDetail;
  editing: AddressConfirmationView | 'new' | null;
  onClose: () => void;
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

function initialOf(editing: AddressConfirmationView | 'new' | null): Partial<Values> {
  if (!editing || editing === 'new') return { signedOn: dayjs() };
  return {
    partyId: editing.partyId,
    address: editing.address,
    phone: editing.phone ?? undefined,
    email: editing.email ?? undefined,
    electronicAddress: editing.electronicAddress ?? undefined,
    signedOn: dayjs(editing.signedOn),
  };
}

/** A new or changed 送达地址确认书: the address, phone, e-mail and electronic address a party signed for. */
export function ConfirmationModal({ detail, editing, onClose }: ModalProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const onSaveError = useSaveErrorHandler();
  const save = useSaveConfirmation(detail.id);
  const [form] = Form.useForm<Values>();
  const existing = editing && editing !== 'new' ? editing : null;

  const submit = (values: Values) => {
    const body = {
      address: values.address,
      phone: orNull(values.phone),
      email: orNull(values.email),
      electronicAddress: orNull(values.electronicAddress),
      signedOn: values.signedOn.format(DATE_FORMAT),
    };
    save.mutate(existing ? { ...body, id: existing.id, version: existing.version } : { ...body, partyId: values.partyId }, {
      onSuccess: () => {
        message.success(t('delivery.confirmation.saved'));
        onClose();
      },
      onError: (error) => onSaveError(error, form),
    });
  };

  return (
    <Modal
      open={editing !== null}
      title={existing ? t('delivery.confirmation.titleEdit', { party: existing.partyName }) : t('delivery.confirmation.titleNew')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'confirmation-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialOf(editing)} onFinish={submit}>
        <Form.Item name="partyId" label={t('delivery.confirmation.party')} rules={[{ required: true }]}>
          <Select
            disabled={!!existing}
            data-testid="confirmation-party"
            options={detail.parties.map((p) => ({ value: p.id, label: `${p.name}（${roleName(p.role, lang)}）` }))}
          />
        </Form.Item>
        <Form.Item name="address" label={t('delivery.confirmation.address')} rules={[{ required: true, whitespace: true, min: 4 }]}>
          <Input maxLength={200} data-testid="confirmation-address" />
        </Form.Item>
        <Form.Item name="phone" label={t('delivery.confirmation.phone')}>
          <Input maxLength={20} data-testid="confirmation-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('delivery.confirmation.email')}>
          <Input maxLength={120} data-testid="confirmation-email" />
        </Form.Item>
        <Form.Item name="electronicAddress" label={t('delivery.confirmation.electronicAddress')}>
          <Input maxLength={120} data-testid="confirmation-electronic" />
        </Form.Item>
        <Form.Item name="signedOn" label={t('delivery.confirmation.signedOn')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="confirmation-signed-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
