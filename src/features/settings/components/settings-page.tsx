import { IngestKeysSection } from './ingest-keys-section';
import { MembersSection } from './members-section';

/** Workspace settings: who is in it, and how the website sends events to it. */
export function SettingsPage() {
  return (
    <div className="grid gap-6">
      <MembersSection />
      <IngestKeysSection />
    </div>
  );
}
