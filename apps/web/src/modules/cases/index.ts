export { casesKey, useCase } from './api';
export { CauseTreeSelect } from './components/CauseTreeSelect';
export { JudgeSelect } from './components/JudgeSelect';
export { WarningTag } from './components/WarningTag';
export { MyCasesCard } from './MyCasesCard';
