import type { Profile } from '@/lib/db';

// Small pure views of the people entity that features pass as `select`.

export type Person = Pick<Profile, 'id' | 'full_name' | 'email'> & {
  /** What the product calls them: their name, else their email, else "Teammate". */
  name: string;
};

/** How a profile is named on cards, decisions and audit rows. */
export function personName(profile: Pick<Profile, 'full_name' | 'email'>): string {
  return profile.full_name?.trim() || profile.email || 'Teammate';
}

/** The people keyed by id, to name the author of a decision or an audit row. */
export function peopleById(people: readonly Person[]): Record<string, Person> {
  return Object.fromEntries(people.map((p) => [p.id, p]));
}
