import { lazy } from 'react';

export { workbenchKey } from './api';

export const WorkbenchPage = lazy(() => import('./WorkbenchPage'));
