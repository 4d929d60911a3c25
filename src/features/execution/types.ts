import type { Campaign } from '@/lib/db';

/** The campaign fields execution reads (the route passes the campaign in; features do not import each other). */
export type DriftCampaign = Pick<Campaign, 'id' | 'name' | 'objective' | 'industry' | 'planned_launch' | 'status'>;
