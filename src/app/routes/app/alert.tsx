import { useParams } from 'react-router-dom';
import { AlertDetail } from '@/features/alerts';
import { CorrelationTimeline } from '@/features/insights';

/** One alert with its evidence and fix, and the campaign's correlation timeline below it. */
function AlertRoute() {
  const { id = '' } = useParams<{ id: string }>();
  return (
    <AlertDetail
      alertId={id}
      renderTimeline={({ campaignId, actionId, currency }) => <CorrelationTimeline campaignId={campaignId} focusActionId={actionId} currency={currency} />}
    />
  );
}

export { AlertRoute as Component };
