export { peopleKeys } from './keys';
export { getWorkspacePeople, useWorkspacePeople, workspacePeopleQueryOptions } from './get-workspace-people';
export { peopleById, personName, type Person } from './views';
