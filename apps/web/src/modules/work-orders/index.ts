// The work-orders module's web pieces used elsewhere: the case page's card and the workbench's counts.
export { workOrdersKey } from './api';
export { CaseWorkOrdersCard } from './CaseWorkOrdersCard';
export { MyOrdersCard } from './MyOrdersCard';
