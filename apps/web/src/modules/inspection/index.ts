// The inspection module's web pieces used elsewhere: the case page's card.
export { inspectionKey } from './api';
export { CaseInspectionCard } from './CaseInspectionCard';
