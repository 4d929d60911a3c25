export { CampaignMetaPanel } from './components/campaign-meta-panel';
export { META_CALLBACK_PATH } from './components/facebook-login-dialog';
export { MetaConnectionsSection } from './components/meta-connections-section';
export { MetaOAuthCallback } from './components/meta-oauth-callback';
