import type { NetworkTaskAction, NetworkTaskStatus } from '@courtassist/contracts';
import { ASSISTANT_ACTIONS, allowedActions, COURT_ACTIONS } from './tasks.rules.js';

/**
 * Who may do what with assistants' tasks. Court users assign, confirm and send back with
 * `network.task.assign` (or `network.manage`); they read tasks also with `network.read`. An
 * assistant acts on their own tasks with `network.task.report` — which tasks are theirs is the
 * repository's business (their account is linked to one assistant).
 */
export type TaskSide = 'court' | 'assistant';

export function mayAssign(permissions: ReadonlySet<string>): boolean {
  return permissions.has('network.task.assign') || permissions.has('network.manage');
}

export function mayReadCourtTasks(permissions: ReadonlySet<string>): boolean {
  return mayAssign(permissions) || permissions.has('network.read');
}

/** The actions the caller can take now: the machine's moves, of the caller's side, if their permissions allow. */
export function actionsFor(side: TaskSide, permissions: ReadonlySet<string>, status: NetworkTaskStatus): NetworkTaskAction[] {
  const mine = side === 'assistant' ? ASSISTANT_ACTIONS : COURT_ACTIONS;
  const may = side === 'assistant' ? permissions.has('network.task.report') : mayAssign(permissions);
  if (!may) return [];
  return allowedActions(status).filter((a) => mine.includes(a));
}

/** The type of an image from its first bytes: JPEG or PNG, else null. */
export function sniffPhotoType(content: Uint8Array): 'image/jpeg' | 'image/png' | null {
  const starts = (bytes: readonly number[]) => content.length >= bytes.length && bytes.every((b, i) => content[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}
