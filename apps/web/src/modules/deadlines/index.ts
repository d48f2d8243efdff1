// The deadlines module's web pieces used elsewhere (the case page's limit and supervision cards).
export { LimitChangesCard } from './limits/LimitChangesCard';
export { CaseSupervisionCard } from './supervision/CaseSupervisionCard';
export { DueDate } from './supervision/DueDate';
export { SupervisionStatusTag } from './supervision/SupervisionStatusTag';
