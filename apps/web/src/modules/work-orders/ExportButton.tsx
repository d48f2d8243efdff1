import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useLang } from '../../shared/lib/lang';
import { type OrderExportRequest, orderExportFileUrl, useOrderExport, useStartOrderExport } from './api';

/**
 * 导出 Excel of a centre screen: starts a background export with the screen's filters (in the
 * user's language) and shows its progress until the file is ready to download.
 */
export function ExportButton({ request, disabled = false }: { request: OrderExportRequest; disabled?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useStartOrderExport();
  const progress = useOrderExport(exportId);
  const status = progress.data;
  const percent = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;

  const onStart = () => start.mutate({ ...request, lang }, { onSuccess: (job) => setExportId(job.id) });
  const close = () => {
    setExportId(null);
    start.reset();
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={onStart} loading={start.isPending} disabled={disabled} data-testid="order-export">
        {t('workOrders.export.button')}
      </Button>
      <Modal
        open={exportId !== null || start.isError}
        title={t('workOrders.export.title')}
        onCancel={close}
        footer={null}
        destroyOnHidden
        data-testid="order-export-modal"
      >
        {start.isError && <Alert type="error" showIcon message={problemText(start.error, lang)} />}
        {progress.isError && <Alert type="error" showIcon message={problemText(progress.error, lang)} />}
        {status && (
          <>
            <Progress
              percent={status.status === 'done' ? 100 : percent}
              status={status.status === 'failed' ? 'exception' : status.status === 'done' ? 'success' : 'active'}
            />
            <Typography.Paragraph type="secondary" data-testid="order-export-count">
              {t('workOrders.export.count', { done: status.done, total: status.total || '…' })}
            </Typography.Paragraph>
            {status.status === 'failed' && <Alert type="error" showIcon message={status.error ?? t('workOrders.export.failed')} />}
            {status.status === 'done' && (
              <Button type="primary" icon={<DownloadOutlined />} href={orderExportFileUrl(status.id)} data-testid="order-export-download">
                {t('workOrders.export.download', { name: status.fileName })}
              </Button>
            )}
          </>
        )}
      </Modal>
    </>
  );
}
