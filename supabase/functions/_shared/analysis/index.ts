/** Correlation analysis persistence: run the engine over database rows and write correlations, alerts and runs. */
export { analyzeCampaign, type AnalyzeOptions, type CampaignAnalysis } from './analyze-campaign.ts';
export {
  type AnalysisTrigger,
  type CampaignRunResult,
  runAnalysis,
  type RunAnalysisOptions,
  type RunAnalysisResult,
} from './run-analysis.ts';
export {
  type AlertInsert,
  type AlertRecovery,
  alertRow,
  type AnalysisWindow,
  analysisWindow,
  correlationRow,
  llmRunColumns,
  pickSnapshotSeries,
  recoveryFor,
  toCampaignInput,
  toDbStrength,
} from './mapping.ts';
