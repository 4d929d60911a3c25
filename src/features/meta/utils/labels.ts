export type ConnectionKind = 'system_user_token' | 'oauth' | 'sandbox';
export type ConnectionStatus = 'active' | 'needs_reconnect' | 'revoked';

export const CONNECTION_KIND_LABELS: Record<ConnectionKind, string> = {
  system_user_token: 'System user token',
  oauth: 'Facebook Login',
  sandbox: 'Local sandbox',
};

export const CONNECTION_STATUS_LABELS: Record<ConnectionStatus, string> = {
  active: 'Connected',
  needs_reconnect: 'Needs reconnecting',
  revoked: 'Revoked',
};

export const SYNC_STATUS_LABELS: Record<string, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  partial: 'Partly done',
  failed: 'Failed',
};
