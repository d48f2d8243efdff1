import type { AssessmentRules, SubsidyRules, SuggestionRules } from '@courtassist/contracts';

/**
 * The network rules a court starts with. Issue 5 asks for indicators, grades, rates and caps "as
 * data" and names the items but no figures, so nearly every number below is a chosen default that
 * a court edits to match its own assessment scheme and budget; the comments say which figures come
 * from the issue or the court reports and which are chosen.
 */

export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = {
  // The four groups are the (quantity, timeliness, results, quality); the split is chosen:
  // results carry the most because they are what the court needs (a document served, a dispute
  // settled), quantity rewards showing up, the judges' rating keeps results honest.
  weights: {
    quantity: 30,
    timeliness: 20,
    'delivery-success': 15, // delivery is the commonest task (reported assisted success 82.7–90 %)
    'mediation-success': 10,
    'investigation-findings': 5,
    quality: 20,
  },
  // Chosen: ten confirmed tasks a month earn the full quantity points — a part-time village
  // helper's realistic load. Edit per court (a busy suburban court may want more).
  quantityTarget: 10,
  // Chosen: the usual 90 / 75 / 60 lines of Chinese public-sector assessments.
  thresholds: { excellent: 90, qualified: 75, basic: 60 },
  // Item kinds are the examples (a petition defused: +; a report found false: −); the
  // points and the other items are chosen.
  items: [
    { code: 'petition-defused', zh: '化解信访风险', en: 'Petition risk defused', points: 5 },
    { code: 'dispute-settled-early', zh: '矛盾纠纷就地化解', en: 'Dispute settled before it became a case', points: 3 },
    { code: 'commended', zh: '受到法院通报表扬', en: 'Commended by the court', points: 2 },
    { code: 'false-report', zh: '报告内容不实', en: 'Report found false', points: -10 },
    { code: 'leaked-information', zh: '泄露案件信息', en: 'Case information leaked', points: -20 },
    { code: 'declined-without-reason', zh: '无正当理由拒绝任务', en: 'Task declined without a reason', points: -2 },
  ],
  // Chosen: bonuses count for at most 10 points a month, so one good deed cannot hide a poor month.
  bonusCap: 10,
  // The issue: "the assessment can require a minimum of hours". 12 hours a year (one hour a month)
  // is chosen; pro-rating keeps January's assessments from failing everyone. Someone short of hours
  // can still be 合格 but not 优秀.
  training: { minimumHoursPerYear: 12, prorated: true, capGrade: 'qualified' },
  // The issue: "persistent poor grades produce a replacement recommendation". Chosen: three
  // consecutive months graded 不合格.
  replacement: { consecutiveMonths: 3, poorGrades: ['unqualified'] },
};

export const DEFAULT_SUBSIDY_RULES: SubsidyRules = {
  // Kinds and "per successful delivery, per successful mediation" are the issue's; the amounts are
  // chosen defaults in fen. A failed delivery or mediation still pays a small sum: the reports list
  // "unpaid expenses" among what drove assistants away, and a visit that found nobody cost the
  // same travel.
  rates: [
    { kind: 'delivery', outcome: 'success', amountFen: 3000 },
    { kind: 'delivery', outcome: 'failure', amountFen: 1000 },
    { kind: 'mediation', outcome: 'success', amountFen: 10000 },
    { kind: 'mediation', outcome: 'failure', amountFen: 3000 },
    { kind: 'investigation', outcome: 'success', amountFen: 5000 },
    { kind: 'investigation', outcome: 'failure', amountFen: 1000 },
    { kind: 'petition-risk', outcome: 'success', amountFen: 2000 },
    { kind: 'dispute-report', outcome: 'success', amountFen: 3000 },
    { kind: 'circuit-liaison', outcome: 'success', amountFen: 5000 },
  ],
  // From the brief of this feature: 优秀 ×1.2, 合格 ×1.0, 基本合格 ×0.8, 不合格 ×0, in per-mille.
  coefficients: { excellent: 1200, qualified: 1000, basic: 800, unqualified: 0 },
  // Chosen: 2,000 yuan a month per assistant.
  monthlyCapFen: 200_000,
};

export const DEFAULT_SUGGESTION_RULES: SuggestionRules = {
  // Chosen: where the recipient lives matters most (the reason the network exists), then load and
  // record equally. 100 points in all.
  weights: { sameStation: 40, areaNamed: 20, load: 20, record: 20 },
  // Chosen: ten open tasks use up the load points.
  loadLimit: 10,
  // Every record is smoothed as if the assistant had five earlier tasks at 80 % success — about the
  // low end of the assisted-delivery success rates the reports give (82.7–90 %).
  priorTasks: 5,
  priorSuccessPermille: 800,
  limit: 5,
};
