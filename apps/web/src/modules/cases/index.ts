export { casesKey } from './api';
export { MyCasesCard } from './MyCasesCard';
