import type { WorkspaceRole } from '@/lib/db';

/** What each role may do (docs/data-model.md), for the role picker's hint. */
export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  admin: 'Everything, plus members and website tracking keys.',
  ops_head: 'Sets decision gates, dismisses alerts, accepts recommendations.',
  marketer: 'Creates and moves action cards and logs execution.',
  viewer: 'Reads campaigns, the board and alerts; changes nothing.',
};
