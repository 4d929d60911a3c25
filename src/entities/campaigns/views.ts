// Small pure views of the campaigns entity that features pass as `select`.

/** The campaigns in name order, for pickers and rankings. */
export function campaignsByName<C extends { name: string }>(campaigns: readonly C[]): C[] {
  return [...campaigns].sort((a, b) => a.name.localeCompare(b.name));
}

/** The campaigns keyed by id, for labelling rows that carry a campaign id. */
export function campaignsById<C extends { id: string }>(campaigns: readonly C[]): Record<string, C> {
  return Object.fromEntries(campaigns.map((c) => [c.id, c]));
}
