export { CourtLevelTag } from './components/CourtLevelTag';
