import { UploadOutlined } from '@ant-design/icons';
import { DELIVERY_EVIDENCE_MAX_BYTES, DELIVERY_EVIDENCE_TYPES } from '@courtassist/contracts';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problem';
import { type Lang, pickText, useLang } from '../../shared/lib/lang';
import { useUploadEvidence } from './api';

/** The most precise text of a refused upload: the field problem (wrong content) before the general one. */
function refusalText(error: unknown, lang: Lang): string {
  const field = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
  return field ? pickText(lang, field.message) : problemText(error, lang);
}

/**
 * Uploads the evidence of an attempt (a photo or scan of the signed proof) as the raw file; the
 * API checks its bytes, so a renamed text file is refused with the server's message shown here.
 */
export function EvidenceUpload({ attemptId, replacing }: { attemptId: number; replacing: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const upload = useUploadEvidence();
  const [refusal, setRefusal] = useState<string | null>(null);

  return (
    <Flex vertical gap={2}>
      <Upload
        accept={DELIVERY_EVIDENCE_TYPES.join(',')}
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          if (file.size <= DELIVERY_EVIDENCE_MAX_BYTES) return true;
          setRefusal(t('delivery.evidence.tooLarge'));
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          setRefusal(null);
          upload.mutate(
            { attemptId, file: file as File },
            {
              onSuccess: (view) => {
                message.success(t('delivery.evidence.uploaded'));
                onSuccess?.(view);
              },
              onError: (error) => {
                const text = refusalText(error, lang);
                setRefusal(text);
                message.error(text);
                onError?.(error as Error);
              },
            },
          );
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="delivery-evidence-upload">
          {replacing ? t('delivery.evidence.replace') : t('delivery.evidence.upload')}
        </Button>
      </Upload>
      {refusal ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="delivery-evidence-error">
          {refusal}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('delivery.evidence.hint')}
        </Typography.Text>
      )}
    </Flex>
  );
}
