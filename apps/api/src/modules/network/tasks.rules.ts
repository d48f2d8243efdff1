import {
  areaNameKey,
  NETWORK_TASK_ACTIONS,
  NETWORK_TASK_TRANSITIONS,
  type NetworkTaskAction,
  type NetworkTaskStatus,
  type SuggestionStation,
} from '@courtassist/contracts';

/**
 * The pure rules of assistants' tasks: the state machine (assigned → accepted | declined;
 * accepted → reported; reported → confirmed | sent back to accepted), the due-date reading and
 * the place names a station's area covers, for the suggestion of assistants.
 */

export type TransitionResult = { ok: true; to: NetworkTaskStatus } | { ok: false; allowed: NetworkTaskAction[] };

/** The actions the machine allows from `status`, in the catalogue's order. */
export function allowedActions(status: NetworkTaskStatus): NetworkTaskAction[] {
  const moves = NETWORK_TASK_TRANSITIONS[status];
  return NETWORK_TASK_ACTIONS.filter((a) => moves[a] !== undefined);
}

/** Where `action` takes a task in `status`; an illegal move answers the allowed ones. */
export function transition(status: NetworkTaskStatus, action: NetworkTaskAction): TransitionResult {
  const to = NETWORK_TASK_TRANSITIONS[status][action];
  return to === undefined ? { ok: false, allowed: allowedActions(status) } : { ok: true, to };
}

/** The actions each side takes: the assistant on the phone, the court on its page. */
export const ASSISTANT_ACTIONS: readonly NetworkTaskAction[] = ['accept', 'decline', 'report'];
export const COURT_ACTIONS: readonly NetworkTaskAction[] = ['confirm', 'send-back'];

/** A task waiting for the assistant (assigned or accepted) is overdue after its due day. */
export function isOverdue(status: NetworkTaskStatus, dueOn: string, today: string): boolean {
  return (status === 'assigned' || status === 'accepted') && dueOn < today;
}

const STATION_SUFFIXES = ['司法协助联络站', '司法协助联络点', '联络站', '联络点', '法官工作室', '工作室'];
const PLACE = /^(.{2,}?(?:街道|镇|乡|村|社区))/;

/**
 * The place names a station's name and address imply: the name without its kind ("桂林街道司法协助联络站" → 桂林街道,
 * "红旗村联络点" → 红旗村) and the leading place of the address ("幸福镇红旗村村委会" → 幸福镇).
 * Names shorter than two characters are left out (the suggestion rule ignores them anyway).
 */
export function areaNamesOf(station: { name: string; address: string }): string[] {
  const names = new Set<string>();
  let base = station.name.normalize('NFKC').replace(/\s+/g, '');
  for (const suffix of STATION_SUFFIXES) {
    if (base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      break;
    }
  }
  const fromName = PLACE.exec(base)?.[1] ?? base;
  if (fromName.length >= 2 && fromName.length <= 40) names.add(fromName);
  const address = station.address.normalize('NFKC').replace(/\s+/g, '');
  const fromAddress = PLACE.exec(address)?.[1];
  if (fromAddress && fromAddress.length <= 40) names.add(fromAddress);
  return [...names];
}

/**
 * The names a station answers to in the suggestion: the areas the court listed for it (a town
 * station naming its villages) first, then those read from its name and address, each place once
 * (compared without white space, full-width folded). Listed names shorter than two characters
 * cannot occur (the form refuses them); they would be ignored by the matching anyway.
 */
export function stationAreaNamesOf(station: { name: string; address: string; areaNames?: readonly string[] }): string[] {
  const names = new Map<string, string>();
  for (const name of [...(station.areaNames ?? []), ...areaNamesOf(station)]) {
    const key = areaNameKey(name);
    if (key.length >= 2 && !names.has(key)) names.set(key, name.trim());
  }
  return [...names.values()];
}

export function suggestionStationOf(station: {
  id: number;
  name: string;
  address: string;
  areaNames?: readonly string[];
}): SuggestionStation {
  return { stationId: station.id, name: station.name, areaNames: stationAreaNamesOf(station) };
}
