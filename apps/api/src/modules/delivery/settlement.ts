import {
  DELIVERY_DOCUMENT_NAMES,
  DELIVERY_END_REASON_NAMES,
  DELIVERY_METHOD_NAMES,
  DELIVERY_OUTCOME_NAMES,
  type DeliveryDocumentKind,
  type DeliveryEndReason,
  type DeliveryMethod,
  type DeliveryOutcome,
  type DeliveryStatus,
} from '@courtassist/contracts';

/**
 * Pure rules of what settled delivery tasks do to the case's delivery node and to their work
 * order. A task is settled when it is served or ended as undeliverable (终止送达, status failed).
 */

export interface TaskCounts {
  /** Pending or in progress. */
  open: number;
  served: number;
  failed: number;
}

/**
 * Whether the case's delivery node (送达) is done. Every task must be settled: an ended task does
 * not hold the case up, since the court decided that party cannot or need not be served (the
 * recipient died and the proceedings wait for a successor, an organisation was deregistered, the
 * claim against that party was withdrawn) and the case goes on with the others. But failures
 * alone never complete it: the hearing needs someone duly served (even a judgment by default
 * needs the summons served, by announcement at least), so a case whose every task was ended stays
 * at delivery for the judge to decide (suspend, terminate, or add the
 * successor as a party and serve them).
 */
export function deliveryNodeDone(counts: TaskCounts): boolean {
  return counts.open === 0 && counts.served > 0;
}

export interface SettledTaskFacts {
  partyName: string;
  documentKind: DeliveryDocumentKind;
  status: DeliveryStatus;
  servedOn: string | null;
  servedMethod: DeliveryMethod | null;
  endReason: DeliveryEndReason | null;
  /** The latest attempt's outcome and the person who made it. */
  lastOutcome: DeliveryOutcome | null;
  lastPerson: string | null;
}

export interface OrderFeedback {
  /** Values by the keys of the 送达 type's result fields, in the options' words (Chinese, as the type's data). */
  values: { method: string | null; outcome: string | null; servedOn: string | null };
  /** The names of the documents served, for the order's checklist. */
  served: string[];
  /** One line per task, for the order's trace. */
  note: string;
}

function lineOf(t: SettledTaskFacts): string {
  const what = `${t.partyName}·${DELIVERY_DOCUMENT_NAMES[t.documentKind].zh}`;
  if (t.status === 'served' && t.servedOn && t.servedMethod) {
    const by = t.lastPerson ? `，送达人 ${t.lastPerson}` : '';
    return `${what}：${t.servedOn} ${DELIVERY_METHOD_NAMES[t.servedMethod].zh}${by}`;
  }
  const why = t.endReason ? DELIVERY_END_REASON_NAMES[t.endReason].zh : '';
  return `${what}：终止送达${why ? `（${why}）` : ''}`;
}

/**
 * The result a 送达 order gets from its settled tasks: served on the day the last of them was
 * served, by that task's method, outcome 成功; when none was served, the outcome of the last
 * failed attempt (or none when tasks were ended without one). The note lists every task.
 */
export function orderFeedbackOf(tasks: readonly SettledTaskFacts[]): OrderFeedback {
  const served = tasks
    .filter((t) => t.status === 'served' && t.servedOn)
    .sort((a, b) => (a.servedOn as string).localeCompare(b.servedOn as string));
  const last = served.at(-1);
  const failedOutcome = [...tasks].reverse().find((t) => t.lastOutcome && t.lastOutcome !== 'success')?.lastOutcome;
  const outcome = last ? DELIVERY_OUTCOME_NAMES.success.zh : failedOutcome ? DELIVERY_OUTCOME_NAMES[failedOutcome].zh : null;
  const head =
    served.length === tasks.length
      ? '送达任务均已送达，系统据送达记录自动反馈'
      : served.length === 0
        ? '送达任务均已终止送达，系统据送达记录自动反馈'
        : '送达任务均已办结（送达或终止送达），系统据送达记录自动反馈';
  return {
    values: {
      method: last?.servedMethod ? DELIVERY_METHOD_NAMES[last.servedMethod].zh : null,
      outcome,
      servedOn: last?.servedOn ?? null,
    },
    served: [...new Set(served.map((t) => DELIVERY_DOCUMENT_NAMES[t.documentKind].zh))],
    note: `${head}：${tasks.map(lineOf).join('；')}`,
  };
}
