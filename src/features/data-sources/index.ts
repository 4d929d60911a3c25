export { CampaignDataPanel } from './components/campaign-data-panel';
export { CsvImportCard } from './components/csv-import-card';
export { DataSettingsCard } from './components/data-settings-card';
export { QuarantineCard } from './components/quarantine-card';
export { WebsiteRollupCard } from './components/website-rollup-card';
