export { hearingsKey } from './api';
export { CaseHearingsCard } from './CaseHearingsCard';
