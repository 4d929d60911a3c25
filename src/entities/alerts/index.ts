export { alertKeys } from './keys';
export { ALERTS_VIEW_LIMIT, alertsQueryOptions, alertsViewSchema, getAlerts, useAlerts, type AlertsView } from './get-alerts';
