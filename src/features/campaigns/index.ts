export { CampaignWizard } from './components/campaign-wizard';
export { CampaignsTable } from './components/campaigns-table';
export { CampaignSummary } from './components/campaign-summary';
export { FeasibilityPanel } from './components/feasibility-panel';
export { useCampaign, type CampaignDetail } from './api/get-campaign';
export { OBJECTIVE_LABELS } from './utils/labels';
