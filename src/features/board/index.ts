export { ActionBoard } from './components/action-board';
export { boardKeys } from './keys';
