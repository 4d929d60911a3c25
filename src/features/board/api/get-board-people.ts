import { useWorkspacePeople, type Person } from '@/entities/people';
import type { BoardPerson } from '../types';

/** The board's view of the people entity, for card authors. */
export const toBoardPeople = (people: Person[]): BoardPerson[] => people.map(({ id, name, email }) => ({ id, name, email }));

export function useBoardPeople(workspaceId: string) {
  return useWorkspacePeople(workspaceId, toBoardPeople);
}
