import {
  court,
  courtList,
  createCourtRequest,
  createDepartmentRequest,
  createRoleRequest,
  createTeamRequest,
  createUserRequest,
  department,
  departmentPage,
  departmentQuery,
  idParam,
  okResponse,
  permissionList,
  resetPasswordRequest,
  role,
  roleList,
  setTeamMembersRequest,
  team,
  teamPage,
  teamQuery,
  updateCourtRequest,
  updateDepartmentRequest,
  updateRoleRequest,
  updateTeamRequest,
  updateUserRequest,
  user,
  userPage,
  userQuery,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireAnyPermission, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { createCourt, editCourt, getCourt, listCourts } from './courts.service.js';
import { createRole, editRole, findRoles, permissionCatalogue } from './roles.service.js';
import {
  createDepartment,
  createTeam,
  editDepartment,
  editTeam,
  findDepartments,
  findTeams,
  getDepartment,
  getTeam,
  setTeamMembers,
} from './structure.service.js';
import { createUser, editUser, findUsers, getUser, resetPassword, unlockUser } from './users.service.js';

const orgRead = { preHandler: requirePermission('org.read') };
const orgManage = { preHandler: requirePermission('org.manage') };
const userRead = { preHandler: requirePermission('user.read') };
const userManage = { preHandler: requirePermission('user.manage') };
const roleManage = { preHandler: requirePermission('role.manage') };

export const orgRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['org'];

  // ---- courts ----
  app.get('/courts', { ...orgRead, schema: { tags, response: { 200: courtList } } }, async (req) => {
    const items = await listCourts(db, actorOf(req));
    return { items, total: items.length };
  });
  app.get('/courts/:id', { ...orgRead, schema: { tags, params: idParam, response: { 200: court } } }, (req) =>
    getCourt(db, actorOf(req), req.params.id),
  );
  app.post('/courts', { ...orgManage, schema: { tags, body: createCourtRequest, response: { 201: court } } }, async (req, reply) =>
    reply.code(201).send(await createCourt(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch('/courts/:id', { ...orgManage, schema: { tags, params: idParam, body: updateCourtRequest, response: { 200: court } } }, (req) =>
    editCourt(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  // ---- departments ----
  app.get('/departments', { ...orgRead, schema: { tags, querystring: departmentQuery, response: { 200: departmentPage } } }, (req) =>
    findDepartments(db, actorOf(req), req.query),
  );
  app.get('/departments/:id', { ...orgRead, schema: { tags, params: idParam, response: { 200: department } } }, (req) =>
    getDepartment(db, actorOf(req), req.params.id),
  );
  app.post(
    '/departments',
    { ...orgManage, schema: { tags, body: createDepartmentRequest, response: { 201: department } } },
    async (req, reply) => reply.code(201).send(await createDepartment(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/departments/:id',
    { ...orgManage, schema: { tags, params: idParam, body: updateDepartmentRequest, response: { 200: department } } },
    (req) => editDepartment(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  // ---- trial teams ----
  app.get('/teams', { ...orgRead, schema: { tags, querystring: teamQuery, response: { 200: teamPage } } }, (req) =>
    findTeams(db, actorOf(req), req.query),
  );
  app.get('/teams/:id', { ...orgRead, schema: { tags, params: idParam, response: { 200: team } } }, (req) =>
    getTeam(db, actorOf(req), req.params.id),
  );
  app.post('/teams', { ...orgManage, schema: { tags, body: createTeamRequest, response: { 201: team } } }, async (req, reply) =>
    reply.code(201).send(await createTeam(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch('/teams/:id', { ...orgManage, schema: { tags, params: idParam, body: updateTeamRequest, response: { 200: team } } }, (req) =>
    editTeam(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/teams/:id/members',
    { ...orgManage, schema: { tags, params: idParam, body: setTeamMembersRequest, response: { 200: team } } },
    (req) => setTeamMembers(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  // ---- users ----
  app.get('/users', { ...userRead, schema: { tags, querystring: userQuery, response: { 200: userPage } } }, (req) =>
    findUsers(db, actorOf(req), req.query),
  );
  app.get('/users/:id', { ...userRead, schema: { tags, params: idParam, response: { 200: user } } }, (req) =>
    getUser(db, actorOf(req), req.params.id),
  );
  app.post('/users', { ...userManage, schema: { tags, body: createUserRequest, response: { 201: user } } }, async (req, reply) =>
    reply.code(201).send(await createUser(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch('/users/:id', { ...userManage, schema: { tags, params: idParam, body: updateUserRequest, response: { 200: user } } }, (req) =>
    editUser(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    { ...userManage, schema: { tags, params: idParam, body: resetPasswordRequest, response: { 200: okResponse } } },
    async (req) => {
      await resetPassword(db, req.ctx, actorOf(req), req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  );
  app.post('/users/:id/unlock', { ...userManage, schema: { tags, params: idParam, response: { 200: user } } }, (req) =>
    unlockUser(db, req.ctx, actorOf(req), req.params.id),
  );

  // ---- roles and permissions ----
  // Reading roles is needed to assign them to users, so user readers may list them too.
  app.get('/roles', { preHandler: requireAnyPermission('role.manage', 'user.read'), schema: { tags, response: { 200: roleList } } }, () =>
    findRoles(db),
  );
  app.post('/roles', { ...roleManage, schema: { tags, body: createRoleRequest, response: { 201: role } } }, async (req, reply) =>
    reply.code(201).send(await createRole(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch('/roles/:id', { ...roleManage, schema: { tags, params: idParam, body: updateRoleRequest, response: { 200: role } } }, (req) =>
    editRole(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/permissions', { ...roleManage, schema: { tags, response: { 200: permissionList } } }, () => permissionCatalogue());
};
