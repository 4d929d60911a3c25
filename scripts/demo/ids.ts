/**
 * Stable identities of the demo: the workspace's fixed id, the demo people, and name-based UUIDs for every row the
 * seed writes, so two runs on the same day produce the same rows with the same ids (and DEMO.md links keep working).
 */
import { createHash } from 'node:crypto';

/** The demo workspace "Acme Demo Co". Resetting the demo deletes this workspace only. */
export const DEMO_WORKSPACE_ID = '00000000-0000-4000-8000-00000000de00';
export const DEMO_WORKSPACE_NAME = 'Acme Demo Co';

/** One password for every demo account, printed at the end of a seed. */
export const DEMO_PASSWORD = 'demo-password-2026';

export type DemoPersonKey = 'sarah' | 'olivia' | 'victor' | 'alex';
export type DemoRole = 'admin' | 'ops_head' | 'marketer' | 'viewer';

export interface DemoPerson {
  key: DemoPersonKey;
  email: string;
  fullName: string;
  role: DemoRole;
  /** What the presenter uses the account for. */
  purpose: string;
}

/**
 * Sarah acts, Olivia decides, Victor watches. Alex is the workspace admin (created_by, so the creator trigger makes
 * Alex admin) so that Olivia can hold the ops-head role the story needs while the workspace keeps someone who can
 * manage members.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: 'sarah', email: 'sarah@demo.marketing-ops.test', fullName: 'Sarah Martinez', role: 'marketer', purpose: 'the presenter signs in as Sarah' },
  { key: 'olivia', email: 'olivia@demo.marketing-ops.test', fullName: 'Olivia Chen', role: 'ops_head', purpose: 'decision gates, dismissing alerts' },
  { key: 'victor', email: 'victor@demo.marketing-ops.test', fullName: 'Victor Reyes', role: 'viewer', purpose: 'reads everything, changes nothing' },
  { key: 'alex', email: 'alex@demo.marketing-ops.test', fullName: 'Alex Kim', role: 'admin', purpose: 'manages members' },
];

const NAMESPACE = 'marketing-ops-tracker/demo/v1';

/** A version-5-style UUID from a name: same name, same id; different names, different ids. */
export function demoId(name: string): string {
  const hash = createHash('sha1').update(`${NAMESPACE}:${name}`).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
