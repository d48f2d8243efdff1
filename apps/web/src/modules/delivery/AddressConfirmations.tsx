import { PlusOutlined } from '@ant-design/icons';
import type { AddressConfirmationView, CaseDetail } from '@courtassist/contracts';
import { Alert, App, Button, Flex, Popconfirm, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { useLang } from '../../shared/lib/lang';
import { useConfirmations, useRemoveConfirmation } from './api';
import { ConfirmationModal } from './ConfirmationModal';

/** 送达地址确认书 of the case's parties: the address each party signed for service, which delivery uses first. */
export function AddressConfirmations({ detail, editable }: { detail: CaseDetail; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const onSaveError = useSaveErrorHandler();
  const query = useConfirmations(detail.id);
  const remove = useRemoveConfirmation();
  const [editing, setEditing] = useState<AddressConfirmationView | 'new' | null>(null);
  const dash = (value: string | null) => value || '—';

  const columns: ColumnsType<AddressConfirmationView> = [
    { title: t('delivery.confirmation.party'), dataIndex: 'partyName', width: 100 },
    { title: t('delivery.confirmation.address'), dataIndex: 'address' },
    { title: t('delivery.confirmation.phone'), dataIndex: 'phone', render: dash },
    { title: t('delivery.confirmation.electronicAddress'), dataIndex: 'electronicAddress', render: dash },
    { title: t('delivery.confirmation.signedOn'), dataIndex: 'signedOn', width: 110 },
  ];
  if (editable)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, row) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => setEditing(row)}>
            {t('delivery.confirmation.edit')}
          </Button>
          <Popconfirm
            title={t('delivery.confirmation.removeConfirm')}
            onConfirm={() =>
              remove.mutate(
                { id: row.id, version: row.version },
                { onSuccess: () => message.success(t('delivery.confirmation.removed')), onError: (error) => onSaveError(error) },
              )
            }
          >
            <Button type="link" size="small" danger>
              {t('delivery.confirmation.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    });

  return (
    <Flex vertical gap={8} data-testid="delivery-confirmations">
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      {editable && (
        <Flex justify="flex-end">
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="confirmation-add">
            {t('delivery.confirmation.add')}
          </Button>
        </Flex>
      )}
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isPending}
        pagination={false}
        locale={{ emptyText: t('delivery.confirmation.empty') }}
        scroll={{ x: 640 }}
      />
      <ConfirmationModal detail={detail} editing={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
