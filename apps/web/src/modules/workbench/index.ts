export { workbenchKey } from './api';
