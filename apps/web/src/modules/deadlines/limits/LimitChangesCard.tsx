import { PlusOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@courtassist/contracts';
import { Alert, App, Button, Card, Empty, List, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { useLang } from '../../../shared/lib/lang';
import { useCaseLimitChanges, useWithdrawLimitChange } from './api';
import { DecideModal } from './DecideModal';
import { LimitChangeItem } from './LimitChangeItem';
import { useLimitActions } from './permissions';
import { RequestModal } from './RequestModal';
import { ResumeModal } from './ResumeModal';
import { useLimitError } from './useLimitError';

type Dialog = { kind: 'request' } | { kind: 'decide' | 'resume'; id: number } | null;

/**
 * 审限变更 on the case page: the case's extensions, deductions and suspensions with their
 * decisions, and what the user may do — request (the case's team), decide (the approver of the
 * awaited step), withdraw (the requester), resume an approved suspension.
 */
export function LimitChangesCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const query = useCaseLimitChanges(detail.id);
  const withdraw = useWithdrawLimitChange();
  const actions = useLimitActions();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const onWithdrawError = useLimitError(undefined, close);
  const items = query.data?.items ?? [];
  // Dialogs read the change from the live list: after a refusal it is the reloaded one.
  const current = (kind: 'decide' | 'resume') => (dialog?.kind === kind ? items.find((c) => c.id === dialog.id) : undefined) ?? null;

  const canRequest = actions.mayRequest(detail) && detail.status === 'open' && detail.deadlineOn !== null;
  const onWithdraw = (id: number, version: number) =>
    withdraw.mutate({ id, version }, { onSuccess: () => message.success(t('limits.card.withdrawn')), onError: onWithdrawError });

  return (
    <Card
      title={t('limits.card.title')}
      style={{ marginBottom: 16 }}
      data-testid="limit-changes"
      extra={
        canRequest && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'request' })} data-testid="limit-change-request">
            {t('limits.card.request')}
          </Button>
        )
      }
    >
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      {query.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {query.isSuccess && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('limits.card.empty')} />}
      {items.length > 0 && (
        <List
          size="small"
          split
          dataSource={items}
          rowKey="id"
          style={{ marginTop: -12, marginBottom: -12 }}
          renderItem={(c) => (
            <LimitChangeItem
              change={c}
              onDecide={actions.mayDecide(c) ? () => setDialog({ kind: 'decide', id: c.id }) : undefined}
              onResume={actions.mayResume(c, detail) ? () => setDialog({ kind: 'resume', id: c.id }) : undefined}
              onWithdraw={actions.mayWithdraw(c) ? () => onWithdraw(c.id, c.version) : undefined}
              withdrawing={withdraw.isPending && withdraw.variables?.id === c.id}
            />
          )}
        />
      )}
      <RequestModal kase={detail} changes={items} open={dialog?.kind === 'request'} onClose={close} />
      <DecideModal change={current('decide')} onClose={close} />
      <ResumeModal change={current('resume')} onClose={close} />
    </Card>
  );
}
