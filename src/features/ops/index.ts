export { OpsDashboard } from './components/ops-dashboard';
