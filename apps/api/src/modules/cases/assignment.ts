/**
 * Automatic assignment (随机分案): a random draw among eligible judges, weighted so that a judge
 * with fewer open cases is more likely to be drawn. Pure: the random number is passed in.
 */
export interface Candidate {
  judgeId: number;
  openCases: number;
}

/** Weight 1 / (open cases + 1): an idle judge weighs 1, one with 9 open cases 0.1. */
export function weightOf(candidate: Candidate): number {
  return 1 / (candidate.openCases + 1);
}

/** Draws one candidate; `random` is uniform in [0, 1). Null when nobody is eligible. */
export function drawJudge(candidates: readonly Candidate[], random: number): Candidate | null {
  if (candidates.length === 0) return null;
  const total = candidates.reduce((sum, c) => sum + weightOf(c), 0);
  let point = random * total;
  for (const candidate of candidates) {
    point -= weightOf(candidate);
    if (point < 0) return candidate;
  }
  return candidates[candidates.length - 1];
}
