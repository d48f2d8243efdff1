import type { WorkOrderAction, WorkOrderDetail } from '@courtassist/contracts';
import { App, Button, type FormInstance, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problem';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { useLang } from '../../shared/lib/lang';
import { useCan, useMe } from '../auth';
import { type BulkResult, type OrderStep, useClaimOrder, useOrderStep } from './api';
import { DispatchModal } from './BulkModals';
import { codeText } from './labels';
import { ReasonModal } from './ReasonModal';
import { RedispatchModal } from './RedispatchModal';

type Dialog = 'return' | 'withdraw' | 'reinitiate' | 'redispatch' | 'dispatch' | null;

/**
 * Which of the actions the state allows this user may take, mirroring the server's rules: the
 * assignee starts and records, the initiator completes, re-initiates and withdraws, leaders
 * (order.dispatch) dispatch, re-dispatch and return, centre staff claim. The server decides anyway.
 */
export function usableActions(order: WorkOrderDetail, userId: number | undefined, can: (p: 'order.handle' | 'order.dispatch') => boolean) {
  const mine = order.assigneeId !== null && order.assigneeId === userId;
  const initiator = order.initiatorId !== null && order.initiatorId === userId;
  const may: Record<WorkOrderAction, boolean> = {
    claim: can('order.handle'),
    dispatch: can('order.dispatch'),
    redispatch: can('order.dispatch'),
    start: mine,
    record: mine,
    return: mine || can('order.dispatch'),
    complete: initiator,
    reinitiate: initiator,
    withdraw: initiator,
  };
  return new Set(order.allowed.filter((a) => may[a]));
}

/** The buttons of the steps open to the user; each step refreshes the order, whatever the answer. */
export function OrderActions({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const can = useCan();
  const me = useMe();
  const step = useOrderStep();
  const claim = useClaimOrder();
  const onSaveError = useSaveErrorHandler();
  const [dialog, setDialog] = useState<Dialog>(null);
  const usable = usableActions(order, me.data?.id, can);
  const label = (key: 'start' | 'complete' | 'return' | 'withdraw' | 'reinitiate' | 'redispatch' | 'dispatch' | 'claim') =>
    t(`workOrders.action.${key}`);

  const run = (body: OrderStep, form?: FormInstance) =>
    step.mutate(body, {
      onSuccess: () => {
        message.success(t('workOrders.action.done', { action: label(body.action) }));
        setDialog(null);
      },
      onError: (error) => {
        // A stale version reloads the order (useSaveErrorHandler says so); so does a step refused by its state.
        if (onSaveError(error, form)) setDialog(null);
      },
    });
  const base = { id: order.id, version: order.version };

  const onClaim = () =>
    claim.mutate(order.id, {
      onSuccess: () => message.success(t('workOrders.pool.claimed')),
      onError: (error) =>
        isApiError(error, 'ALREADY_CLAIMED')
          ? message.warning(t('workOrders.pool.lost', { message: problemText(error, lang) }), 5)
          : onSaveError(error),
    });
  const onDispatched = (result: BulkResult) => {
    setDialog(null);
    const item = result.items[0];
    if (item?.ok) message.success(t('workOrders.action.done', { action: label('dispatch') }));
    else message.warning(codeText(item?.code ?? null, lang));
  };

  return (
    <>
      {usable.has('claim') && (
        <Button type="primary" onClick={onClaim} loading={claim.isPending} data-testid="order-claim">
          {label('claim')}
        </Button>
      )}
      {usable.has('dispatch') && (
        <Button onClick={() => setDialog('dispatch')} data-testid="order-dispatch">
          {label('dispatch')}
        </Button>
      )}
      {usable.has('start') && (
        <Button type="primary" onClick={() => run({ action: 'start', ...base })} loading={step.isPending} data-testid="order-start">
          {label('start')}
        </Button>
      )}
      {usable.has('complete') && (
        <Popconfirm title={t('workOrders.action.completeConfirm')} onConfirm={() => run({ action: 'complete', ...base })}>
          <Button type="primary" loading={step.isPending} data-testid="order-complete">
            {label('complete')}
          </Button>
        </Popconfirm>
      )}
      {usable.has('reinitiate') && (
        <Button type="primary" onClick={() => setDialog('reinitiate')} data-testid="order-reinitiate">
          {label('reinitiate')}
        </Button>
      )}
      {usable.has('redispatch') && (
        <Button onClick={() => setDialog('redispatch')} data-testid="order-redispatch">
          {label('redispatch')}
        </Button>
      )}
      {usable.has('return') && (
        <Button danger onClick={() => setDialog('return')} data-testid="order-return">
          {label('return')}
        </Button>
      )}
      {usable.has('withdraw') && (
        <Button danger onClick={() => setDialog('withdraw')} data-testid="order-withdraw">
          {label('withdraw')}
        </Button>
      )}

      <ReasonModal
        open={dialog === 'return'}
        title={t('workOrders.action.returnTitle')}
        label={t('workOrders.bulk.reason')}
        placeholder={t('workOrders.bulk.reasonPlaceholder')}
        okText={label('return')}
        required
        danger
        loading={step.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason, form) => run({ action: 'return', ...base, reason }, form)}
        testId="return"
      />
      <ReasonModal
        open={dialog === 'withdraw'}
        title={t('workOrders.action.withdrawTitle')}
        label={t('workOrders.action.withdrawReason')}
        placeholder={t('workOrders.action.withdrawPlaceholder')}
        okText={label('withdraw')}
        required={false}
        danger
        loading={step.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason, form) => run({ action: 'withdraw', ...base, reason }, form)}
        testId="withdraw"
      />
      <ReasonModal
        open={dialog === 'reinitiate'}
        title={t('workOrders.action.reinitiateTitle')}
        label={t('workOrders.action.reinitiateNote')}
        placeholder={t('workOrders.action.reinitiatePlaceholder')}
        okText={label('reinitiate')}
        required={false}
        loading={step.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(note, form) => run({ action: 'reinitiate', ...base, note: note || undefined }, form)}
        testId="reinitiate"
      />
      <RedispatchModal
        order={order}
        open={dialog === 'redispatch'}
        loading={step.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(v, form) => run({ action: 'redispatch', ...base, ...v }, form)}
      />
      <DispatchModal
        open={dialog === 'dispatch'}
        ids={[order.id]}
        teamId={order.teamId ?? undefined}
        onClose={() => setDialog(null)}
        onDone={onDispatched}
      />
    </>
  );
}
