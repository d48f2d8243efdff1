import { type CourtLevel, checkCourtCode, PARENT_LEVEL, PASSWORD_RULE, type TeamPosition, type TeamTemplate } from '@courtassist/contracts';

/**
 * Nobody hands out more power than they hold: the permissions of the roles granted (or set on a
 * role) must all be the granter's own. Returns the permissions the granter lacks.
 */
export function permissionsBeyond(granter: ReadonlySet<string>, granted: Iterable<string>): string[] {
  return [...new Set(granted)].filter((p) => !granter.has(p)).sort();
}

export type CourtPlacementProblem = 'court_parent' | 'court_code';

/** Whether a court of `level` and `code` may sit under `parent` (null: no parent). */
export function courtPlacementProblem(
  level: CourtLevel,
  code: string,
  parent: { level: string; code: string } | null,
): CourtPlacementProblem | null {
  const expectedParent = PARENT_LEVEL[level];
  if ((parent?.level ?? null) !== expectedParent) return 'court_parent';
  return checkCourtCode(level, code, parent?.code ?? null) ? null : 'court_code';
}

export function isStrongPassword(password: string): boolean {
  return PASSWORD_RULE.test(password);
}

/** Positions whose member count exceeds the team template. */
export function overTemplate(template: TeamTemplate, members: { position: TeamPosition }[]): TeamPosition[] {
  const counts: Record<TeamPosition, number> = { judge: 0, assistant: 0, clerk: 0 };
  for (const m of members) counts[m.position] += 1;
  return (Object.keys(counts) as TeamPosition[]).filter((p) => counts[p] > template[p]);
}
