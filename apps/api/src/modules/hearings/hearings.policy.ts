/** Pure permission rules of the hearings module. */

export interface CaseTeam {
  judgeId: number | null;
  assistantId: number | null;
  clerkId: number | null;
  panel: readonly { userId: number }[];
}

/**
 * Who may schedule, move or cancel a case's hearings (beyond holding `hearing.schedule`): the
 * case's judge, assistant and clerk, its panel members, and those who assign cases in its court
 * (division heads, presidents).
 */
export function maySchedule(actor: { userId: number; permissions: ReadonlySet<string> }, team: CaseTeam): boolean {
  if (actor.permissions.has('case.assign')) return true;
  return [team.judgeId, team.assistantId, team.clerkId, ...team.panel.map((m) => m.userId)].includes(actor.userId);
}

/**
 * A hearing of a case is held in a room of the case's court or of a people's tribunal under it
 * (a tribunal's cases may also sit in their own tribunal's room).
 */
export function roomServesCourt(
  room: { courtId: number; courtParentId: number | null; courtLevel: string; active: boolean },
  caseCourtId: number,
): boolean {
  if (!room.active) return false;
  return room.courtId === caseCourtId || (room.courtLevel === 'tribunal' && room.courtParentId === caseCourtId);
}
