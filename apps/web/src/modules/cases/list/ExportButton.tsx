import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { useLang } from '../../../shared/lib/lang';
import { type CaseFilters, caseExportFileUrl, useCaseExport, useStartCaseExport } from '../api';

/** 导出 Excel: starts a background export of the filtered list and shows its progress until the file is ready. */
export function ExportButton({ filters }: { filters: CaseFilters }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useStartCaseExport();
  const progress = useCaseExport(exportId);
  const status = progress.data;
  const percent = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;

  const onStart = () => start.mutate({ ...filters, lang }, { onSuccess: (job) => setExportId(job.id) });
  const close = () => {
    setExportId(null);
    start.reset();
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={onStart} loading={start.isPending} data-testid="case-export">
        {t('cases.export.button')}
      </Button>
      <Modal open={exportId !== null || start.isError} title={t('cases.export.title')} onCancel={close} footer={null} destroyOnHidden>
        {start.isError && <Alert type="error" showIcon message={problemText(start.error, lang)} />}
        {status && (
          <>
            <Progress
              percent={status.status === 'done' ? 100 : percent}
              status={status.status === 'failed' ? 'exception' : status.status === 'done' ? 'success' : 'active'}
            />
            <Typography.Paragraph type="secondary">
              {t('cases.export.count', { done: status.done, total: status.total || '…' })}
            </Typography.Paragraph>
            {status.status === 'failed' && <Alert type="error" showIcon message={status.error ?? t('cases.export.failed')} />}
            {status.status === 'done' && (
              <Button type="primary" icon={<DownloadOutlined />} href={caseExportFileUrl(status.id)} data-testid="case-export-download">
                {t('cases.export.download', { name: status.fileName })}
              </Button>
            )}
          </>
        )}
      </Modal>
    </>
  );
}
