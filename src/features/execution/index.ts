export { ExecutionSection } from './components/execution-section';
export type { DriftCampaign } from './types';
