import { lazy } from 'react';

export { auditKey } from './api';
export { AuditEntryTable } from './AuditEntryTable';
export { EntityHistory } from './EntityHistory';

export const AuditPage = lazy(() => import('./AuditPage'));
