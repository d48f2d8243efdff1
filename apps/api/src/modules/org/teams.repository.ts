import type { TeamPosition, TeamTemplate } from '@courtassist/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { inScope } from '../../platform/scope.js';
import { courts, departments, teamMembers, teams, users } from './org.table.js';

type Scope = Pick<Actor, 'courtPath'>;

export interface TeamMemberRecord {
  userId: number;
  displayName: string;
  position: TeamPosition;
}

export interface TeamRecord {
  id: number;
  courtId: number;
  courtName: string;
  departmentId: number;
  departmentName: string;
  name: string;
  template: TeamTemplate;
  members: TeamMemberRecord[];
  version: number;
}

const teamColumns = {
  id: teams.id,
  courtId: teams.courtId,
  courtName: courts.name,
  departmentId: teams.departmentId,
  departmentName: departments.name,
  name: teams.name,
  template: teams.template,
  version: teams.version,
};

export async function listTeams(
  ex: Executor,
  scope: Scope,
  filter: { courtId?: number; departmentId?: number; page: number; pageSize: number },
): Promise<{ items: TeamRecord[]; total: number }> {
  const where = and(
    inScope(courts.path, scope),
    filter.courtId ? eq(teams.courtId, filter.courtId) : undefined,
    filter.departmentId ? eq(teams.departmentId, filter.departmentId) : undefined,
  );
  const base = ex
    .select(teamColumns)
    .from(teams)
    .innerJoin(courts, eq(courts.id, teams.courtId))
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .where(where);
  const rowsFound = await base
    .orderBy(asc(courts.path), asc(teams.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [{ total }] = await ex
    .select({ total: sql<number>`count(*)::int` })
    .from(teams)
    .innerJoin(courts, eq(courts.id, teams.courtId))
    .where(where);
  return { items: await withMembers(ex, rowsFound), total };
}

export async function findTeamInScope(ex: Executor, scope: Scope, id: number): Promise<TeamRecord | null> {
  const found = await ex
    .select(teamColumns)
    .from(teams)
    .innerJoin(courts, eq(courts.id, teams.courtId))
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .where(and(eq(teams.id, id), inScope(courts.path, scope)));
  const [team] = await withMembers(ex, found);
  return team ?? null;
}

/** Members of all listed teams in one query, not one per team. */
async function withMembers(ex: Executor, found: Omit<TeamRecord, 'members'>[]): Promise<TeamRecord[]> {
  if (found.length === 0) return [];
  const members = await ex
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId, displayName: users.displayName, position: teamMembers.position })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(
      inArray(
        teamMembers.teamId,
        found.map((t) => t.id),
      ),
    )
    .orderBy(sql`array_position(ARRAY['judge','assistant','clerk'], ${teamMembers.position})`, asc(users.id));
  return found.map((team) => ({
    ...team,
    members: members
      .filter((m) => m.teamId === team.id)
      .map((m) => ({ userId: m.userId, displayName: m.displayName, position: m.position as TeamPosition })),
  }));
}

export async function insertTeam(
  ex: Executor,
  values: { courtId: number; departmentId: number; name: string; template: TeamTemplate },
): Promise<number> {
  const [row] = await ex.insert(teams).values(values).returning({ id: teams.id });
  return row.id;
}

export async function updateTeam(
  ex: Executor,
  id: number,
  version: number,
  patch: { name?: string; template?: TeamTemplate },
): Promise<boolean> {
  const updated = await ex
    .update(teams)
    .set({ ...patch, version: sql`${teams.version} + 1`, updatedAt: new Date() })
    .where(and(eq(teams.id, id), eq(teams.version, version)))
    .returning({ id: teams.id });
  return updated.length === 1;
}

export async function replaceTeamMembers(
  ex: Executor,
  teamId: number,
  members: { userId: number; position: TeamPosition }[],
): Promise<void> {
  await ex.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (members.length > 0) await ex.insert(teamMembers).values(members.map((m) => ({ ...m, teamId })));
}

/** The teams a user belongs to, with every member of each. */
export async function teamsOfUser(ex: Executor, userId: number): Promise<(TeamRecord & { position: TeamPosition })[]> {
  const memberships = await ex
    .select({ teamId: teamMembers.teamId, position: teamMembers.position })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  if (memberships.length === 0) return [];
  const found = await ex
    .select(teamColumns)
    .from(teams)
    .innerJoin(courts, eq(courts.id, teams.courtId))
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .where(
      inArray(
        teams.id,
        memberships.map((m) => m.teamId),
      ),
    );
  const full = await withMembers(ex, found);
  return full.map((team) => ({ ...team, position: memberships.find((m) => m.teamId === team.id)?.position as TeamPosition }));
}
