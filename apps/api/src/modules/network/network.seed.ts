import type { AssistantStatus, CommendationKind, EducationLevel, Gender, StationKind, TrainingKind } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.js';
import { systemContext } from '../../platform/context.js';
import { type Db, rows } from '../../platform/db.js';
import { ensureCategories, listCategories } from './network.repository.js';
import {
  networkAssistantCategories,
  networkAssistantStations,
  networkAssistants,
  networkCommendations,
  networkRecruitments,
  networkStations,
  networkStatusChanges,
  networkTrainingAttendance,
  networkTrainingSessions,
} from './network.table.js';

/** A court or tribunal of the demo province, with the grassroots-assistant accounts it holds. */
export interface SeedCourt {
  id: number;
  code: string;
  level: string;
  name: string;
  accounts: { userId: number; username: string; displayName: string; phone: string }[];
}

/** One court's part of the demo network; stations and assistants refer to each other by index. */
export interface NetworkCourtPlan {
  courtId: number;
  stations: {
    kind: StationKind;
    name: string;
    address: string;
    lng: number | null;
    lat: number | null;
    contactName: string;
    contactPhone: string;
    parent: number | null;
  }[];
  assistants: {
    name: string;
    gender: Gender;
    phone: string;
    idNumber: string;
    birthDate: string;
    education: EducationLevel;
    employer: string;
    post: string;
    startOn: string;
    categories: string[];
    stations: number[];
    /** Later statuses after the start, oldest first. */
    changes: { status: AssistantStatus; reason: string; at: string }[];
    userId: number | null;
  }[];
  sessions: { topic: string; heldOn: string; hours: number; trainer: string; kind: TrainingKind; attendees: number[] }[];
  commendations: { assistant: number; kind: CommendationKind; recordedOn: string; reason: string }[];
  recruitments: {
    station: number | null;
    announcedOn: string;
    announcement: string;
    candidateName: string;
    candidatePhone: string;
    contract: { interviewedOn: string; contractedOn: string; payBand: string; assistant: number } | null;
  }[];
}

/**
 * Loads the demo network once (when no station exists yet): the plan comes from `build`, which
 * receives the courts and tribunals with their grassroots accounts. Multi-row inserts only.
 */
export async function seedNetwork(
  db: Db,
  build: (courts: SeedCourt[], categories: string[]) => NetworkCourtPlan[],
  progress: (message: string) => void = () => undefined,
): Promise<{ stations: number; assistants: number }> {
  await ensureCategories(db);
  const [{ n }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM network_stations`);
  if (n > 0) return { stations: 0, assistants: 0 };
  const courts = await rows<SeedCourt>(
    db,
    sql`SELECT c.id, c.code, c.level, c.name,
          coalesce((SELECT json_agg(json_build_object('userId', u.id, 'username', u.username, 'displayName', u.display_name, 'phone', u.phone) ORDER BY u.id)
            FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
            WHERE u.court_id = c.id AND r.code = 'grassroots-assistant'), '[]') AS accounts
        FROM courts c WHERE c.level IN ('basic', 'tribunal') ORDER BY c.path, c.id`,
  );
  for (const c of courts) if (typeof c.accounts === 'string') c.accounts = JSON.parse(c.accounts);
  if (courts.length === 0) return { stations: 0, assistants: 0 };
  const categories = await listCategories(db);
  const categoryId = new Map(categories.map((c) => [c.code, c.id]));
  const plans = build(
    courts,
    categories.map((c) => c.code),
  );
  return db.transaction(async (tx) => {
    let stationCount = 0;
    let assistantCount = 0;
    for (const plan of plans) {
      // Stations in two passes: the rows first, then the parents (which refer to earlier rows).
      const stationIds = (
        await tx
          .insert(networkStations)
          .values(plan.stations.map(({ parent: _p, ...s }) => ({ ...s, courtId: plan.courtId })))
          .returning({ id: networkStations.id })
      ).map((r) => r.id);
      const children = plan.stations.flatMap((s, i) => (s.parent === null ? [] : [[stationIds[i], stationIds[s.parent]] as const]));
      if (children.length > 0)
        await tx.execute(
          sql`UPDATE network_stations s SET parent_id = v.parent FROM (VALUES ${sql.join(
            children.map(([id, parent]) => sql`(${id}::int, ${parent}::int)`),
            sql`, `,
          )}) AS v(id, parent) WHERE s.id = v.id`,
        );
      stationCount += stationIds.length;
      if (plan.assistants.length === 0) continue;
      const statusOf = (a: NetworkCourtPlan['assistants'][number]) => a.changes.at(-1)?.status ?? 'active';
      const assistantIds = (
        await tx
          .insert(networkAssistants)
          .values(
            plan.assistants.map(({ categories: _c, stations: _s, changes: _h, ...a }, i) => ({
              ...a,
              courtId: plan.courtId,
              status: statusOf(plan.assistants[i]),
            })),
          )
          .returning({ id: networkAssistants.id })
      ).map((r) => r.id);
      assistantCount += assistantIds.length;
      await tx
        .insert(networkAssistantCategories)
        .values(
          plan.assistants.flatMap((a, i) =>
            a.categories.map((code) => ({ assistantId: assistantIds[i], categoryId: categoryId.get(code) as number })),
          ),
        );
      await tx
        .insert(networkAssistantStations)
        .values(plan.assistants.flatMap((a, i) => a.stations.map((s) => ({ assistantId: assistantIds[i], stationId: stationIds[s] }))));
      await tx.insert(networkStatusChanges).values(
        plan.assistants.flatMap((a, i) => {
          const start = {
            assistantId: assistantIds[i],
            fromStatus: null,
            toStatus: 'active',
            reason: '登记为司法协助员 Registered',
            changedByName: 'seed',
            changedAt: new Date(`${a.startOn}T09:00:00+08:00`),
          };
          let from: AssistantStatus = 'active';
          const later = a.changes.map((c) => {
            const row = {
              assistantId: assistantIds[i],
              fromStatus: from,
              toStatus: c.status,
              reason: c.reason,
              changedByName: 'seed',
              changedAt: new Date(`${c.at}T10:00:00+08:00`),
            };
            from = c.status;
            return row;
          });
          return [start, ...later];
        }),
      );
      if (plan.sessions.length > 0) {
        const sessionIds = (
          await tx
            .insert(networkTrainingSessions)
            .values(plan.sessions.map(({ attendees: _a, ...s }) => ({ ...s, hours: s.hours.toFixed(1), courtId: plan.courtId })))
            .returning({ id: networkTrainingSessions.id })
        ).map((r) => r.id);
        const attendance = plan.sessions.flatMap((s, i) =>
          s.attendees.map((a) => ({ sessionId: sessionIds[i], assistantId: assistantIds[a] })),
        );
        if (attendance.length > 0) await tx.insert(networkTrainingAttendance).values(attendance);
      }
      if (plan.commendations.length > 0)
        await tx.insert(networkCommendations).values(
          plan.commendations.map((c) => ({
            courtId: plan.courtId,
            assistantId: assistantIds[c.assistant],
            kind: c.kind,
            recordedOn: c.recordedOn,
            reason: c.reason,
            recordedByName: 'seed',
          })),
        );
      if (plan.recruitments.length > 0)
        await tx.insert(networkRecruitments).values(
          plan.recruitments.map((r) => ({
            courtId: plan.courtId,
            stationId: r.station === null ? null : stationIds[r.station],
            announcedOn: r.announcedOn,
            announcement: r.announcement,
            candidateName: r.candidateName,
            candidatePhone: r.candidatePhone,
            status: r.contract ? 'contracted' : 'announced',
            interviewedOn: r.contract?.interviewedOn ?? null,
            interviewResult: r.contract ? 'passed' : null,
            contractParty: r.contract ? '人民法院 / 志愿者本人' : null,
            payBand: r.contract?.payBand ?? null,
            insurance: r.contract ? '意外伤害保险' : null,
            annualTrainingHours: r.contract ? '16.0' : null,
            contractedOn: r.contract?.contractedOn ?? null,
            assistantId: r.contract ? assistantIds[r.contract.assistant] : null,
          })),
        );
    }
    // The contracted volunteers were interviewed by a judge of their court.
    await tx.execute(
      sql`UPDATE network_recruitments r SET judge_id = (SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
            JOIN roles ro ON ro.id = ur.role_id WHERE u.court_id = r.court_id AND ro.code = 'judge' ORDER BY u.id LIMIT 1)
          WHERE r.status = 'contracted' AND r.judge_id IS NULL`,
    );
    const summary = { stations: stationCount, assistants: assistantCount };
    progress(`network: ${stationCount} stations, ${assistantCount} assistants`);
    await recordAudit(tx, systemContext('seed'), { entityType: 'network', entityId: 0, action: 'seed', courtId: null, after: summary });
    return summary;
  });
}
