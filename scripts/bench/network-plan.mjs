// Pure helpers of the grassroots network's benchmark (issue 5): the shape of the generated station
// tree, the top-up batches, the month the run assesses, the phone scenario's requests and the
// monthly run's verdict. No I/O here, so that network-plan.test.ts can test them in the unit project.

/** About this many assistants share a village point (a village has a cadre, a grid worker or two …). */
export const ASSISTANTS_PER_VILLAGE = 8;

/**
 * The generated station tree of one court or tribunal with `assistants` assistants: town liaison
 * stations, each with the same number of village points under it, about eight assistants a
 * village. A county court with 1,100 assistants gets 12 towns of 12 villages; never fewer than
 * two towns, never more than thirty (a county has a few dozen towns at most; more assistants then
 * means larger villages).
 */
export function networkShape(assistants) {
  if (!Number.isInteger(assistants) || assistants < 0) throw new RangeError(`networkShape needs a whole number ≥ 0, got ${assistants}`);
  const villages = Math.max(1, Math.ceil(assistants / ASSISTANTS_PER_VILLAGE));
  const towns = Math.min(30, Math.max(2, Math.round(Math.sqrt(villages))));
  return { towns, villagesPerTown: Math.max(1, Math.ceil(villages / towns)) };
}

/** The sizes of the statements that take `before` rows up to `target`, `size` at most each. */
export function batchSizes(before, target, size) {
  if (!(size > 0)) throw new RangeError(`batch size must be positive, got ${size}`);
  const sizes = [];
  for (let missing = target - before; missing > 0; missing -= size) sizes.push(Math.min(missing, size));
  return sizes;
}

/** The day in China Standard Time of a moment (the courts' calendar day). */
export function chinaDay(now = new Date()) {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The month before the month of a day: 2026-01-15 → 2025-12. The monthly run assesses it. */
export function previousMonth(day) {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (!m) throw new RangeError(`previousMonth expects YYYY-MM-DD, got "${day}"`);
  const [year, month] = [Number(m[1]), Number(m[2])];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const query = (params) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/**
 * The phone's task list (/m/tasks) as the web app asks for it: `GET /api/my/network-tasks` with
 * `view` (todo | done), `cursor` when loading more, `limit=20`, in that order (apps/web's
 * useMyTasks and buildQuery). For each signed-in assistant: the first page of each tab and, where
 * the tab has one, the next page. Grouped per tab and page, interleaved so that consecutive
 * requests come from different assistants.
 * `sessions`: [{ headers, todo: {nextCursor}, done: {nextCursor} }] — the first pages as fetched.
 */
export function phoneListRequests(sessions, limit = 20) {
  const path = (view, cursor) => `/api/my/network-tasks?${query({ view, cursor, limit })}`;
  const groups = { todo: [], done: [], 'done-more': [], 'todo-more': [] };
  for (const s of sessions) {
    groups.todo.push({ path: path('todo'), headers: s.headers });
    groups.done.push({ path: path('done'), headers: s.headers });
    if (s.done?.nextCursor) groups['done-more'].push({ path: path('done', s.done.nextCursor), headers: s.headers });
    if (s.todo?.nextCursor) groups['todo-more'].push({ path: path('todo', s.todo.nextCursor), headers: s.headers });
  }
  const lists = Object.entries(groups)
    .filter(([, list]) => list.length > 0)
    .map(([group, list]) => list.map((r) => ({ method: 'GET', ...r, group })));
  const longest = Math.max(0, ...lists.map((l) => l.length));
  const out = [];
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/**
 * The verdict on a province's monthly run, from the counts the verification query found:
 *   expected     assistants the month assesses (started by its end; not left, unless they had
 *                tasks confirmed in it), `assessed` results, `missing` of them without one,
 *                `extra` results of assistants it should not assess, `duplicates`;
 *   statements   `statements`, `badSubtotal` (subtotal ≠ the sum of its lines' amounts),
 *                `badTotal` (total ≠ adjusted − cap reduction, or ≠ min(adjusted, cap)),
 *                `overCap` (total above the cap), `withoutTasks` (assistants with tasks confirmed
 *                in the month and a result but no statement).
 */
export function monthlyRunVerdict(month, c) {
  const n = (k) => Number(c[k] ?? 0);
  const problems = [];
  if (n('missing') > 0) problems.push(`${n('missing')} assistants assessable in ${month} have no assessment`);
  if (n('extra') > 0) problems.push(`${n('extra')} assessments of ${month} belong to assistants the month does not assess`);
  if (n('duplicates') > 0) problems.push(`${n('duplicates')} assistants have more than one assessment for ${month}`);
  if (n('badSubtotal') > 0) problems.push(`${n('badSubtotal')} statements whose subtotal is not the sum of their lines`);
  if (n('badTotal') > 0) problems.push(`${n('badTotal')} statements whose total is not min(adjusted, cap)`);
  if (n('overCap') > 0) problems.push(`${n('overCap')} statements above their cap`);
  if (n('withoutStatement') > 0) problems.push(`${n('withoutStatement')} assessed assistants with paid tasks but no statement`);
  if (n('expected') === 0) problems.push(`nobody to assess in ${month}: generate assistants with --assistants N`);
  return {
    ok: problems.length === 0,
    summary:
      `${n('assessed').toLocaleString('en-US')} assessments for ${n('expected').toLocaleString('en-US')} assessable assistants, ` +
      `${n('statements').toLocaleString('en-US')} statements (${(n('totalFen') / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} yuan), ` +
      `${n('atCap').toLocaleString('en-US')} at their cap`,
    problems,
  };
}
