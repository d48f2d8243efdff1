export { hearingsKey } from './api';
