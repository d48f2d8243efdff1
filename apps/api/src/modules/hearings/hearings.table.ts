import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Courtrooms per court, including tribunal rooms and vehicle-mounted courts (车载法庭). */
export const courtrooms = pgTable(
  'courtrooms',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    name: text('name').notNull(),
    /** courtroom, tribunal-room, vehicle, online. */
    kind: text('kind').notNull(),
    location: text('location').notNull().default(''),
    capacity: integer('capacity'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('courtrooms_court_idx').on(t.courtId)],
);

export const hearings = pgTable(
  'hearings',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull(),
    courtId: integer('court_id').notNull(),
    courtroomId: integer('courtroom_id').notNull(),
    startsAt: stamp('starts_at').notNull(),
    endsAt: stamp('ends_at').notNull(),
    /** first, continued, judgment-pronouncement, mediation, pre-trial. */
    kind: text('kind').notNull(),
    status: text('status').notNull().default('scheduled'),
    judgeId: integer('judge_id'),
    clerkId: integer('clerk_id'),
    /** Public hearings are announced (开庭公告) no later than three days before. */
    isPublic: boolean('is_public').notNull().default(true),
    announcedOn: date('announced_on', { mode: 'string' }),
    scheduledBy: integer('scheduled_by'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('hearings_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('hearings_status_check', sql`${t.status} IN ('scheduled','held','cancelled')`),
    index('hearings_room_time_idx').on(t.courtroomId, t.startsAt),
    index('hearings_court_time_idx').on(t.courtId, t.startsAt),
    index('hearings_case_idx').on(t.caseId),
    index('hearings_judge_time_idx').on(t.judgeId, t.startsAt),
  ],
);

/** Everyone who must be present: panel members and clerk (users), and parties (summoned). */
export const hearingParticipants = pgTable(
  'hearing_participants',
  {
    id: serial('id').primaryKey(),
    hearingId: integer('hearing_id')
      .notNull()
      .references(() => hearings.id, { onDelete: 'cascade' }),
    userId: integer('user_id'),
    partyId: integer('party_id'),
    role: text('role').notNull(),
  },
  (t) => [index('hearing_participants_hearing_idx').on(t.hearingId), index('hearing_participants_user_idx').on(t.userId)],
);
