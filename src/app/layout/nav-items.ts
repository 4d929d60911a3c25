import { BellRing, Database, Gauge, LayoutDashboard, Megaphone, Settings, SquareKanban, type LucideIcon } from 'lucide-react';

export type NavItem = { to: string; label: string; icon: LucideIcon; description: string; end?: boolean };

/** Primary navigation, in the order a campaign's life goes: plan, act, react, review; settings last. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Overview', icon: LayoutDashboard, description: 'Where things stand today', end: true },
  { to: '/campaigns', label: 'Campaigns', icon: Megaphone, description: 'Plans, phases, feasibility and drift' },
  { to: '/board', label: 'Board', icon: SquareKanban, description: 'Marketer actions across campaigns' },
  { to: '/alerts', label: 'Alerts', icon: BellRing, description: 'Actions that moved performance' },
  { to: '/ops', label: 'Ops', icon: Gauge, description: 'KPIs, ranking, recommendations, audit' },
  { to: '/data', label: 'Data', icon: Database, description: 'CSV imports and quarantined rows' },
  { to: '/settings', label: 'Settings', icon: Settings, description: 'Members, roles and website tracking keys' },
];
