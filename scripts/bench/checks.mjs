// Pure helpers of the harness: targets, medians, the gap-free numbering check and the deadline
// batch. No I/O here, so that scripts/bench/checks.test.ts can test them in the unit project.

/**
 * A scenario's target: `{ figure, max | min, unit?, source? }` — the figure (a key of the
 * scenario's figures, e.g. `p95`, `rps`, `slowestS`) must stay at or below `max`, or reach `min`.
 * Returns null without a target; a missing or non-finite figure fails the target.
 */
export function checkTarget(target, figures) {
  if (!target) return null;
  const upper = target.max !== undefined;
  const limit = upper ? target.max : target.min;
  if (typeof limit !== 'number') throw new Error(`target of ${target.figure}: give max or min`);
  const value = figures?.[target.figure];
  const measured = typeof value === 'number' && Number.isFinite(value) ? value : null;
  const ok = measured !== null && (upper ? measured <= limit : measured >= limit);
  const op = upper ? '≤' : '≥';
  const unit = target.unit ? ` ${target.unit}` : '';
  return {
    figure: target.figure,
    op,
    limit,
    unit: target.unit ?? null,
    measured,
    ok,
    text: `${target.figure} ${op} ${formatNumber(limit)}${unit}`,
    ...(target.source ? { source: target.source } : {}),
  };
}

/** "p95 ≤ 50 ms ok" or "p95 ≤ 50 ms NOT OK"; a dash without a target. */
export function formatTarget(check) {
  return check ? `${check.text} ${check.ok ? 'ok' : 'NOT OK'}` : '—';
}

/** 100000 → "100,000"; fractions keep up to three significant decimals. */
export function formatNumber(n) {
  if (n === null || n === undefined) return '—';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Number(n.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Gap-free numbering, per (numbering court, case type, year): one row each with `cases`,
 * `distinctSeq`, `distinctNumbers`, `minSeq`, `maxSeq` and the stored `lastSeq`. The numbers are
 * gap-free and unique when 1…lastSeq are each used exactly once. Returns the problems, as text.
 */
export function sequenceProblems(groups) {
  const problems = [];
  for (const g of groups) {
    const label = `court ${g.courtId} ${g.type} ${g.year}`;
    const [cases, maxSeq, lastSeq] = [Number(g.cases), Number(g.maxSeq), g.lastSeq === null ? null : Number(g.lastSeq)];
    if (Number(g.distinctSeq) !== cases) problems.push(`${label}: ${cases - Number(g.distinctSeq)} duplicate sequence numbers`);
    if (Number(g.distinctNumbers) !== cases) problems.push(`${label}: ${cases - Number(g.distinctNumbers)} duplicate case numbers`);
    if (Number(g.minSeq) !== 1) problems.push(`${label}: numbering starts at ${g.minSeq}, not 1`);
    if (Number(g.distinctSeq) === cases && maxSeq !== cases) problems.push(`${label}: ${maxSeq - cases} numbers missing below ${maxSeq}`);
    if (lastSeq === null) problems.push(`${label}: no stored sequence`);
    else if (lastSeq !== maxSeq) problems.push(`${label}: stored sequence at ${lastSeq}, highest number used ${maxSeq}`);
  }
  return problems;
}

/**
 * Filed rows against 2xx answers: each answer names one filed case, and a request cut off at the
 * end of a measurement (its answer never counted) may still have filed one. More answers than
 * rows, or more unanswered rows than requests that can be in flight, is a problem.
 */
export function filingCountProblem({ filed, answered, inFlightMax }) {
  if (filed < answered) return `${answered} filings answered 2xx but only ${filed} cases were stored`;
  if (filed - answered > inFlightMax)
    return `${filed - answered} cases stored without a 2xx answer (at most ${inFlightMax} can be cut off)`;
  return null;
}

/** The verdict on a filing run: the numbering groups checked, the counts, and every problem found. */
export function filingVerdict({ groups, filed, answered, inFlightMax }) {
  const problems = sequenceProblems(groups);
  const countProblem = filingCountProblem({ filed, answered, inFlightMax });
  if (countProblem) problems.push(countProblem);
  if (groups.length === 0) problems.push('no case of the filed types found in the court');
  return {
    ok: problems.length === 0,
    summary: `${groups.map((g) => `${g.type} ${g.year}: 1…${g.maxSeq} (${g.cases} cases)`).join('; ')}; ${filed} filed by this run, ${answered} answered 2xx`,
    problems,
    groups,
    filed,
    answered,
  };
}

/** The deadline batch with every period carrying `calendar` (the command then needs no database). */
export function withExplicitCalendars(requests, calendar) {
  return requests.map((r) => (r.type === 'period' && r.calendar === undefined ? { ...r, calendar } : r));
}

/**
 * Throughput of one command run: `count / wall`, and without the process start-up (measured
 * separately as the wall time of a one-request run) when that leaves a positive time.
 */
export function throughput({ count, wallMs, startupMs }) {
  const rps = wallMs > 0 ? count / (wallMs / 1000) : null;
  const workMs = startupMs === null || startupMs === undefined ? null : wallMs - startupMs;
  return { rps: round(rps), rpsExcludingStartup: workMs !== null && workMs > 0 ? round(count / (workMs / 1000)) : null };
}

const round = (n) => (n === null ? null : Math.round(n));
