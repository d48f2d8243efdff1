import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { countCourtsInScope, findCourtById } from './courts.repository.js';
import { teamsOfUser } from './teams.repository.js';
import { countUsersInScope, findUserInScope } from './users.repository.js';

/** The organisational facts about one actor that other modules (the workbench) show. */
export async function organisationOf(db: Db, actor: Actor) {
  const [court, user, courtsInScope, usersInScope, teams] = await Promise.all([
    findCourtById(db, actor.courtId),
    findUserInScope(db, actor, actor.userId),
    countCourtsInScope(db, actor),
    countUsersInScope(db, actor),
    teamsOfUser(db, actor.userId),
  ]);
  if (!court || !user) throw new Error(`actor ${actor.userId} has no court or user record`);
  return {
    court: { id: court.id, name: court.name, level: court.level, code: court.code, address: court.address },
    department: user.departmentId && user.departmentName ? { id: user.departmentId, name: user.departmentName } : null,
    courtsInScope,
    usersInScope,
    teams: teams.map((t) => ({ id: t.id, name: t.name, position: t.position, members: t.members })),
  };
}
