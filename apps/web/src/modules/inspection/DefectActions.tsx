import type { DefectView } from '@courtassist/contracts';
import { App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { useRequestCorrection } from './api';

/** A correction may be asked while none is running: none issued, or the last one closed. */
function correctionRunning(d: DefectView): boolean {
  return d.correctionOrderId !== null && d.correctionStatus !== 'completed' && d.correctionStatus !== 'withdrawn';
}

interface DefectActionsProps {
  defect: DefectView;
  onWaive: (defect: DefectView) => void;
}

/** 发整改通知 (after a confirmation) and 豁免 on an open defect, for inspection.manage holders. */
export function DefectActions({ defect, onWaive }: DefectActionsProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const correction = useRequestCorrection();
  const onError = useSaveErrorHandler();
  if (defect.status !== 'open') return null;

  const confirmCorrection = () =>
    modal.confirm({
      title: t('inspection.correction.confirm', { name: defect.responsibleName ?? '—' }),
      content: t('inspection.correction.confirmHint'),
      okText: t('inspection.correction.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        correction.mutateAsync({ id: defect.id, version: defect.version }).then(
          () => void message.success(t('inspection.correction.done')),
          // A refusal (one already running, stale version) is shown; the list reloads either way.
          (error: unknown) => {
            onError(error);
          },
        ),
    });

  return (
    <Flex gap={4} wrap>
      <Button
        size="small"
        type="link"
        disabled={correctionRunning(defect) || defect.responsibleId === null}
        onClick={confirmCorrection}
        data-testid="defect-correct"
      >
        {t('inspection.correction.button')}
      </Button>
      <Button size="small" type="link" danger onClick={() => onWaive(defect)} data-testid="defect-waive">
        {t('inspection.waive.button')}
      </Button>
    </Flex>
  );
}
