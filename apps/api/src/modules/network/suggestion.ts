import type {
  AssistantSuggestion,
  SuggestionCandidate,
  SuggestionInput,
  SuggestionReason,
  SuggestionResult,
  SuggestionRules,
  SuggestionStation,
} from '@courtassist/contracts';
import { divideRoundHalfUp } from './subsidies.js';

/**
 * Suggesting assistants for a task (issue 5: "the system suggests assistants by station of the
 * recipient's address, load and past success"). Pure; points in integer hundredths.
 *
 * Matching an address to a station — honest and simple: each station lists the place names its
 * area covers (镇/街道, 村/社区 …); a station matches when one of its names appears in the address
 * as written (after NFKC, which turns full-width digits and letters into ordinary ones, and with
 * white space removed). The longest matching name wins, because it is the most specific place
 * ("双营子回族乡双营子村" beats "双营子"); stations tied on the longest name all match.
 * Its limits, which the reasons make visible to the person assigning:
 *   - it only knows the names a station lists: an abbreviation (双阳 for 双阳区), an old name or a
 *     typo in the address does not match unless the station lists it too;
 *   - the same village name exists in many towns (新立村, 和平村): list the village together with
 *     its town ("奢岭街道新立村") or the town alone, so the longer, specific name decides;
 *   - a place name inside another word matches too ("长春路" in another city contains "长春"):
 *     names of at least two characters reduce, not remove, the risk;
 *   - no geocoding, no coordinates, no distance: a recipient just across a town border goes to the
 *     station whose name the address carries.
 *
 * Score of each active candidate (in-post; paused and departed assistants are never suggested):
 *   same station  the full weight when the candidate belongs to the recipient's station (given
 *                 explicitly, else the best-matching one);
 *   area named    otherwise the full weight when one of the candidate's stations lists a place
 *                 named in the address (e.g. the town's station when a village point matched);
 *   load          weight × (limit − open tasks) ÷ limit, at least 0;
 *   record        weight × smoothed success rate, (successes + prior × prior rate) ÷ (completed +
 *                 prior), so a newcomer's 1 of 1 does not beat a veteran's 45 of 50.
 * Ordered by score (descending), then open tasks (ascending), then assistant id.
 */

/** The address as matched: NFKC-normalised, without white space. */
export function normaliseAddress(address: string): string {
  return address.normalize('NFKC').replace(/\s+/g, '');
}

export interface StationMatch {
  stationId: number;
  name: string;
  areaName: string;
}

/** The longest area name of the station found in the (normalised) address, or null. */
function longestNamed(station: SuggestionStation, address: string): string | null {
  let best: string | null = null;
  for (const raw of station.areaNames) {
    const name = normaliseAddress(raw);
    if (name.length >= 2 && address.includes(name) && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

/** Stations whose area name appears in the address with the longest name; [] when none does. Ordered by station id. */
export function matchStations(address: string, stations: readonly SuggestionStation[]): StationMatch[] {
  const normalised = normaliseAddress(address);
  let matches: StationMatch[] = [];
  let longest = 0;
  for (const station of stations) {
    const areaName = longestNamed(station, normalised);
    if (areaName === null || areaName.length < longest) continue;
    if (areaName.length > longest) {
      matches = [];
      longest = areaName.length;
    }
    if (!matches.some((m) => m.stationId === station.stationId))
      matches.push({ stationId: station.stationId, name: station.name, areaName });
  }
  return matches.sort((a, b) => a.stationId - b.stationId);
}

/** Every station named by some candidate, once (area names of duplicates merged). */
function stationsOf(candidates: readonly SuggestionCandidate[]): SuggestionStation[] {
  const byId = new Map<number, SuggestionStation>();
  for (const c of candidates) {
    for (const s of c.stations) {
      const known = byId.get(s.stationId);
      if (known) byId.set(s.stationId, { ...known, areaNames: [...new Set([...known.areaNames, ...s.areaNames])] });
      else byId.set(s.stationId, s);
    }
  }
  return [...byId.values()];
}

/** The reasons and score of one active candidate. */
function scoreCandidate(
  candidate: SuggestionCandidate,
  homeStations: ReadonlySet<number>,
  explicit: boolean,
  address: string,
  rules: SuggestionRules,
): { centi: number; reasons: SuggestionReason[] } {
  const reasons: SuggestionReason[] = [];
  let centi = 0;
  const reason = (code: SuggestionReason['code'], points: number, zh: string, en: string) => {
    centi += points;
    reasons.push({ code, points: points / 100, zh, en });
  };
  const w = rules.weights;

  const home = candidate.stations.find((s) => homeStations.has(s.stationId));
  if (home) {
    const named = explicit ? null : longestNamed(home, address);
    if (named)
      reason('same-station', w.sameStation * 100, `地址含“${named}”，属${home.name}`, `the address names ${named}, in ${home.name}’s area`);
    else reason('same-station', w.sameStation * 100, `属收件人所在的${home.name}`, `belongs to the recipient’s station, ${home.name}`);
  } else {
    let best: { station: SuggestionStation; name: string } | null = null;
    for (const station of candidate.stations) {
      const name = longestNamed(station, address);
      if (name !== null && (best === null || name.length > best.name.length)) best = { station, name };
    }
    if (best) {
      reason(
        'area-named',
        w.areaNamed * 100,
        `地址含“${best.name}”，在${best.station.name}辖区`,
        `the address names ${best.name}, covered by ${best.station.name}`,
      );
    }
  }

  const free = Math.max(0, rules.loadLimit - candidate.openTasks);
  const open = candidate.openTasks;
  reason(
    'load',
    divideRoundHalfUp(w.load * 100 * free, rules.loadLimit),
    `在办任务 ${open} 件`,
    `${open} open task${open === 1 ? '' : 's'}`,
  );

  const seen = candidate.pastCompleted + rules.priorTasks;
  const record =
    seen === 0
      ? 0
      : divideRoundHalfUp(w.record * 100 * (candidate.pastSuccesses * 1000 + rules.priorTasks * rules.priorSuccessPermille), seen * 1000);
  if (candidate.pastCompleted === 0) reason('record', record, '暂无办理记录', 'no earlier tasks');
  else {
    const { pastSuccesses: ok, pastCompleted: all } = candidate;
    reason('record', record, `既往成功 ${ok}/${all} 件`, `${ok} of ${all} earlier tasks succeeded`);
  }
  return { centi, reasons };
}

/** Ranked suggestions for a task, with reasons; paused and departed assistants are listed as excluded. */
export function suggestAssistants(input: SuggestionInput, rules: SuggestionRules): SuggestionResult {
  const active = input.candidates.filter((c) => c.status === 'active');
  const excluded = input.candidates
    .filter((c) => c.status !== 'active')
    .map((c) => ({ assistantId: c.assistantId, status: c.status }))
    .sort((a, b) => a.assistantId - b.assistantId);
  const address = normaliseAddress(input.address);
  const matchedStations = matchStations(address, stationsOf(input.candidates));
  const explicit = input.stationId !== undefined && input.stationId !== null;
  const homeStations = new Set(explicit ? [input.stationId as number] : matchedStations.map((m) => m.stationId));

  const scored = active.map((candidate) => ({ candidate, ...scoreCandidate(candidate, homeStations, explicit, address, rules) }));
  scored.sort(
    (a, b) => b.centi - a.centi || a.candidate.openTasks - b.candidate.openTasks || a.candidate.assistantId - b.candidate.assistantId,
  );
  const suggestions: AssistantSuggestion[] = scored.slice(0, rules.limit).map(({ candidate, centi, reasons }) => ({
    assistantId: candidate.assistantId,
    name: candidate.name,
    score: centi / 100,
    openTasks: candidate.openTasks,
    reasons,
  }));
  return { matchedStations, suggestions, excluded };
}
