// The delivery module's web pieces used elsewhere: the case page's card and the indicators.
export { deliveryKey } from './api';
export { CaseDeliveryCard } from './CaseDeliveryCard';
export { DeliveryIndicators } from './DeliveryIndicators';
