/** Module `cases`: filing, numbering, parties, assignment, nodes, closure and archiving. */

export { ensureCaseReferenceData } from './cases.reference.js';
export { type CaseFacts, caseDeadlineStore, caseFacts } from './cases.repository.js';
export { casesRoutes } from './cases.routes.js';
export { type CaseSeedOptions, seedCases } from './cases.seed.js';
export { completeNodeByEvent } from './cases.service.js';
export { referenceRoutes } from './reference.routes.js';
