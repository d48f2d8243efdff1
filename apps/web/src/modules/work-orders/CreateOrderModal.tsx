import type { CaseDetail, WorkOrderTypeView } from '@courtassist/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { useLang } from '../../shared/lib/lang';
import { useCreateOrder, useOrderTypes } from './api';
import { typeName } from './labels';

interface FormValues {
  typeId: number;
  note?: string;
}

function limitText(t: TFunction, type: WorkOrderTypeView): string {
  return type.limitHours !== null
    ? t('workOrders.create.limitHours', { count: type.limitHours })
    : t('workOrders.create.limitDays', { count: type.limitWorkingDays ?? 0 });
}

/** 发起工单: an order of one of the active types of the case's court, with what is to be done. */
export function CreateOrderModal({ kase, open, onClose }: { kase: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const types = useOrderTypes(open ? kase.courtId : undefined, true);
  const create = useCreateOrder();
  const onSaveError = useSaveErrorHandler();
  const submit = (values: FormValues) =>
    create.mutate(
      { caseId: kase.id, typeId: values.typeId, note: (values.note ?? '').trim() },
      {
        onSuccess: () => {
          message.success(t('workOrders.create.done'));
          onClose();
        },
        onError: (error) => onSaveError(error, form),
      },
    );
  return (
    <Modal
      open={open}
      title={t('workOrders.create.title', { caseNumber: kase.caseNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('workOrders.create.submit')}
      okButtonProps={{ 'data-testid': 'create-order-submit' }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="typeId"
          label={t('workOrders.create.type')}
          rules={[{ required: true, message: t('workOrders.create.typeRequired') }]}
        >
          <Select<number>
            showSearch
            optionFilterProp="label"
            loading={types.isPending}
            options={(types.data?.items ?? []).map((x) => ({
              value: x.id,
              label: t('workOrders.create.typeOption', {
                name: typeName({ typeNameZh: x.nameZh, typeNameEn: x.nameEn }, lang),
                team: x.teamName ?? t('workOrders.stats.shared'),
                limit: limitText(t, x),
              }),
            }))}
            data-testid="create-order-type"
          />
        </Form.Item>
        <Form.Item name="note" label={t('workOrders.create.note')}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('workOrders.create.notePlaceholder')}
            data-testid="create-order-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
