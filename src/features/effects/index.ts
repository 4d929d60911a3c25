export { CampaignEffects } from './components/campaign-effects';
export { EffectLibrary } from './components/effect-library';
