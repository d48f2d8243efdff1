export { AuditEntryTable } from './AuditEntryTable';
export { auditKey } from './api';
export { EntityHistory } from './EntityHistory';
