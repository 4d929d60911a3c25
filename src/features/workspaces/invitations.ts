// The invitations card of the home page, apart from index.ts so that every signed-in page, which imports the
// index for the gate and the switcher, does not carry it in its first load.
export { PendingInvitations } from './components/pending-invitations';
