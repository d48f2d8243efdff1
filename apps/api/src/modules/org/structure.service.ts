import type { Department, DepartmentKind, Team, TeamPosition, TeamTemplate } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { findCourtInScope } from './courts.repository.js';
import { duplicateOn } from './courts.service.js';
import {
  type DepartmentRecord,
  findDepartmentInScope,
  insertDepartment,
  listDepartments,
  updateDepartment,
} from './departments.repository.js';
import { overTemplate } from './org.policy.js';
import { findTeamInScope, insertTeam, listTeams, replaceTeamMembers, type TeamRecord, updateTeam } from './teams.repository.js';
import { activeUsersOfCourt } from './users.repository.js';

const toDepartment = (row: DepartmentRecord): Department => ({ ...row, kind: row.kind as DepartmentKind });

// ---- departments (庭室) ----

export async function findDepartments(db: Db, actor: Actor, query: { courtId?: number; page: number; pageSize: number }) {
  const { items, total } = await listDepartments(db, actor, query);
  return { items: items.map(toDepartment), total, page: query.page, pageSize: query.pageSize };
}

export async function getDepartment(db: Db, actor: Actor, id: number): Promise<Department> {
  const row = await findDepartmentInScope(db, actor, id);
  if (!row) throw AppError.notFound();
  return toDepartment(row);
}

export async function createDepartment(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  input: { courtId: number; name: string; kind: DepartmentKind },
): Promise<Department> {
  if (!(await findCourtInScope(db, actor, input.courtId))) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  try {
    const id = await db.transaction(async (tx) => {
      const newId = await insertDepartment(tx, input);
      await recordAudit(tx, ctx, { entityType: 'department', entityId: newId, action: 'create', courtId: input.courtId, after: input });
      return newId;
    });
    return getDepartment(db, actor, id);
  } catch (error) {
    return duplicateOn(error, 'body.name');
  }
}

export async function editDepartment(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { name?: string; kind?: DepartmentKind; active?: boolean; version: number },
): Promise<Department> {
  const before = await getDepartment(db, actor, id);
  const { version, ...patch } = input;
  try {
    await db.transaction(async (tx) => {
      if (!(await updateDepartment(tx, id, version, patch))) throw AppError.versionConflict(before.version);
      await recordAudit(tx, ctx, {
        entityType: 'department',
        entityId: id,
        action: 'update',
        courtId: before.courtId,
        before,
        after: { ...before, ...patch },
      });
    });
  } catch (error) {
    duplicateOn(error, 'body.name');
  }
  return getDepartment(db, actor, id);
}

// ---- trial teams (审判团队) ----

const toTeam = (row: TeamRecord): Team => row;

export async function findTeams(db: Db, actor: Actor, query: { courtId?: number; departmentId?: number; page: number; pageSize: number }) {
  const { items, total } = await listTeams(db, actor, query);
  return { items: items.map(toTeam), total, page: query.page, pageSize: query.pageSize };
}

export async function getTeam(db: Db, actor: Actor, id: number): Promise<Team> {
  const row = await findTeamInScope(db, actor, id);
  if (!row) throw AppError.notFound();
  return toTeam(row);
}

export async function createTeam(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  input: { departmentId: number; name: string; template: TeamTemplate },
): Promise<Team> {
  const department = await findDepartmentInScope(db, actor, input.departmentId);
  if (!department?.active) throw AppError.invalid(fieldProblem('body.departmentId', 'invalid_value'));
  try {
    const id = await db.transaction(async (tx) => {
      const newId = await insertTeam(tx, { ...input, courtId: department.courtId });
      await recordAudit(tx, ctx, { entityType: 'team', entityId: newId, action: 'create', courtId: department.courtId, after: input });
      return newId;
    });
    return getTeam(db, actor, id);
  } catch (error) {
    return duplicateOn(error, 'body.name');
  }
}

export async function editTeam(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { name?: string; template?: TeamTemplate; version: number },
): Promise<Team> {
  const before = await getTeam(db, actor, id);
  const { version, ...patch } = input;
  if (patch.template && overTemplate(patch.template, before.members).length > 0) {
    throw AppError.invalid(
      fieldProblem('body.template', 'too_small', {
        zh: '现有成员多于新的团队模板',
        en: 'The team has more members than the new template allows',
      }),
    );
  }
  try {
    await db.transaction(async (tx) => {
      if (!(await updateTeam(tx, id, version, patch))) throw AppError.versionConflict(before.version);
      const { members: _m, ...plain } = before;
      await recordAudit(tx, ctx, {
        entityType: 'team',
        entityId: id,
        action: 'update',
        courtId: before.courtId,
        before: plain,
        after: { ...plain, ...patch },
      });
    });
  } catch (error) {
    duplicateOn(error, 'body.name');
  }
  return getTeam(db, actor, id);
}

/** Members must be active users of the team's own court, within the template's counts. */
export async function setTeamMembers(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { members: { userId: number; position: TeamPosition }[]; version: number },
): Promise<Team> {
  const before = await getTeam(db, actor, id);
  const ids = input.members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length)
    throw AppError.invalid(fieldProblem('body.members', 'invalid_value', { zh: '同一人不能重复加入', en: 'A person is listed twice' }));
  const over = overTemplate(before.template, input.members);
  if (over.length > 0) {
    throw AppError.invalid(
      ...over.map((p) =>
        fieldProblem(`body.members.${p}`, 'too_big', { zh: '超过团队模板人数', en: 'More than the team template allows' }),
      ),
    );
  }
  const known = await activeUsersOfCourt(db, before.courtId, ids);
  const strangers = input.members.map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m.userId));
  if (strangers.length > 0) {
    throw AppError.invalid(
      ...strangers.map(({ i }) =>
        fieldProblem(`body.members.${i}.userId`, 'invalid_value', { zh: '不是本院在职人员', en: 'Not an active user of this court' }),
      ),
    );
  }
  await db.transaction(async (tx) => {
    if (!(await updateTeam(tx, id, input.version, {}))) throw AppError.versionConflict(before.version);
    await replaceTeamMembers(tx, id, input.members);
    await recordAudit(tx, ctx, {
      entityType: 'team',
      entityId: id,
      action: 'set-members',
      courtId: before.courtId,
      before: { members: before.members.map((m) => `${m.position}:${m.userId}`) },
      after: { members: input.members.map((m) => `${m.position}:${m.userId}`) },
    });
  });
  return getTeam(db, actor, id);
}
