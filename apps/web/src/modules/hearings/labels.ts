import { COURTROOM_KIND_NAMES, type Courtroom, PARTY_ROLE_NAMES, type PartyRoleCode } from '@courtassist/contracts';
import type { Bilingual } from '../../shared/lib/lang';

type PickText = (text: Bilingual) => string;

/** 原告, 被告 …; an unknown code as it is. */
export function partyRoleName(role: string | null, pick: PickText): string {
  return role && role in PARTY_ROLE_NAMES ? pick(PARTY_ROLE_NAMES[role as PartyRoleCode]) : (role ?? '');
}

/**
 * `第一法庭（法庭）`; a room of another court than `courtId` (a people's tribunal's) also names
 * that court: `某某法庭审判庭（人民法庭审判庭 · 某某人民法庭）`.
 */
export function roomLabel(room: Pick<Courtroom, 'name' | 'kind' | 'courtId' | 'courtName'>, pick: PickText, courtId?: number): string {
  const kind = pick(COURTROOM_KIND_NAMES[room.kind]);
  const court = courtId !== undefined && room.courtId !== courtId ? ` · ${room.courtName}` : '';
  return `${room.name}（${kind}${court}）`;
}
