import {
  type CreateStationRequest,
  NETWORK_FIELD_ERRORS,
  type StationQuery,
  type StationView,
  type UpdateStationRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { makesCycle } from './network.policy.js';
import {
  courtInScope,
  deleteStation,
  findStation,
  insertStation,
  listStations,
  type StationRecord,
  stationNameTaken,
  stationUse,
  subtreeOf,
  updateStation,
} from './network.repository.js';

export function toStationView(row: StationRecord): StationView {
  return row as StationView;
}

/** What the trail keeps of a station. */
function auditable(row: StationRecord) {
  const { assistantCount: _a, childCount: _c, courtName: _n, ...rest } = row;
  return rest;
}

export async function findStations(db: Db, actor: Actor, query: StationQuery) {
  const { items, total } = await listStations(db, actor, query);
  return { items: items.map(toStationView), total, page: query.page, pageSize: query.pageSize };
}

export async function getStation(db: Db, actor: Actor, id: number): Promise<StationView> {
  const row = await findStation(db, id, actor);
  if (!row) throw AppError.notFound();
  return toStationView(row);
}

function coordinatesProblem(lng: number | null, lat: number | null) {
  return (lng === null) !== (lat === null)
    ? [fieldProblem(lng === null ? 'body.lng' : 'body.lat', 'coordinates_pair', NETWORK_FIELD_ERRORS.coordinates_pair)]
    : [];
}

async function parentProblem(ex: Executor, actor: Actor, courtId: number, parentId: number | null) {
  if (parentId === null) return [];
  const parent = await findStation(ex, parentId, actor);
  return parent && parent.courtId === courtId ? [] : [fieldProblem('body.parentId', 'station_parent', NETWORK_FIELD_ERRORS.station_parent)];
}

async function nameProblem(ex: Executor, courtId: number, name: string, exceptId: number | null) {
  return (await stationNameTaken(ex, courtId, name, exceptId)) ? [fieldProblem('body.name', 'duplicate')] : [];
}

export async function createStation(db: Db, ctx: RequestContext, actor: Actor, input: CreateStationRequest): Promise<StationView> {
  const court = await courtInScope(db, input.courtId, actor);
  if (!court) throw AppError.invalid(fieldProblem('body.courtId', 'station_court', NETWORK_FIELD_ERRORS.station_court));
  const problems = [
    ...coordinatesProblem(input.lng, input.lat),
    ...(await parentProblem(db, actor, input.courtId, input.parentId)),
    ...(await nameProblem(db, input.courtId, input.name, null)),
  ];
  if (problems.length > 0) throw AppError.invalid(...problems);
  const id = await db.transaction(async (tx) => {
    const newId = await insertStation(tx, input);
    await recordAudit(tx, ctx, { entityType: 'network-station', entityId: newId, action: 'create', courtId: input.courtId, after: input });
    return newId;
  });
  return getStation(db, actor, id);
}

export async function editStation(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: UpdateStationRequest,
): Promise<StationView> {
  const before = await findStation(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  const { version, ...patch } = input;
  const lng = patch.lng === undefined ? before.lng : patch.lng;
  const lat = patch.lat === undefined ? before.lat : patch.lat;
  const problems = [...coordinatesProblem(lng, lat)];
  if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
    if (makesCycle(await subtreeOf(db, id), patch.parentId))
      problems.push(fieldProblem('body.parentId', 'station_cycle', NETWORK_FIELD_ERRORS.station_cycle));
    else problems.push(...(await parentProblem(db, actor, before.courtId, patch.parentId)));
  }
  if (patch.name !== undefined && patch.name !== before.name) problems.push(...(await nameProblem(db, before.courtId, patch.name, id)));
  if (problems.length > 0) throw AppError.invalid(...problems);
  await db.transaction(async (tx) => {
    if (!(await updateStation(tx, id, version, patch))) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'network-station',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before: auditable(before),
      after: { ...auditable(before), ...patch },
      omit: ['version'],
    });
  });
  return getStation(db, actor, id);
}

/** A station with assistants (of any status), child stations or recruitments stays: deactivate it instead. */
export async function removeStation(db: Db, ctx: RequestContext, actor: Actor, id: number, version: number): Promise<{ ok: true }> {
  const before = await findStation(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== version) throw AppError.versionConflict(before.version);
  await db.transaction(async (tx) => {
    if (!(await deleteStation(tx, id, version))) {
      const use = await stationUse(tx, id);
      if (use.assistants + use.children + use.recruitments > 0) throw new AppError('STATION_IN_USE', 'conflict', { meta: use });
      throw AppError.versionConflict();
    }
    await recordAudit(tx, ctx, {
      entityType: 'network-station',
      entityId: id,
      action: 'delete',
      courtId: before.courtId,
      before: auditable(before),
    });
  });
  return { ok: true };
}
