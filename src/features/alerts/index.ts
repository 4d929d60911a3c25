export { AlertDetail, type AlertTimelineSlot } from './components/alert-detail';
export { AlertsDashboard } from './components/alerts-dashboard';
