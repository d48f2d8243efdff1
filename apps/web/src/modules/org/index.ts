export { CourtLevelTag } from './components/CourtLevelTag';
export { CourtTreeSelect } from './components/CourtTreeSelect';
