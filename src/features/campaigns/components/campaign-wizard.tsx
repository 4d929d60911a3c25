import { ArrowLeft, ArrowRight, CircleAlert, Save } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { errorMessage } from '@/lib/utils';
import { useAssessFeasibility } from '../api/assess-feasibility';
import { useCampaign } from '../api/get-campaign';
import { useSaveCampaignBlueprint } from '../api/save-campaign-blueprint';
import { useSaveCampaignIntent } from '../api/save-campaign-intent';
import { useSaveCampaignSuccess } from '../api/save-campaign-success';
import {
  WIZARD_STEPS,
  blueprintRows,
  emptyPlanValues,
  intentRow,
  promoCodesOf,
  resumeStep,
  successRow,
  validateStep,
  valuesFromCampaign,
  type PlanFormValues,
  type WizardStep,
} from '../utils/plan-form';
import { BlueprintStep } from './blueprint-step';
import { FeasibilityPanel } from './feasibility-panel';
import { IntentStep } from './intent-step';
import { SuccessStep } from './success-step';
import { WizardStepsNav } from './wizard-steps-nav';

const STEP_COPY: Record<WizardStep, { title: string; description: string }> = {
  intent: { title: 'Campaign intent', description: 'What the campaign is for, who it reaches, and how its results will be tracked.' },
  blueprint: { title: 'Execution blueprint', description: 'How it will run: phases in order, planned days, assets, approvals, teams and tools.' },
  success: { title: 'Success definition', description: 'What “good” means: the primary KPI, a numeric target and the window to hit it.' },
  feasibility: { title: 'Feasibility & decision gate', description: 'The reality check before launch, and the gate an ops head confirms.' },
};

/** The campaign setup wizard; with `draftId` it resumes a saved draft. */
export function CampaignWizard({ draftId }: { draftId?: string }) {
  const draft = useCampaign(draftId ?? '');
  if (!draftId) return <WizardForm initialValues={emptyPlanValues()} initialStep="intent" />;
  if (draft.isPending) return <Skeleton className="h-96" />;
  if (draft.error || !draft.data) {
    return (
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertDescription>{draft.error ? errorMessage(draft.error) : 'This draft does not exist or belongs to another workspace.'}</AlertDescription>
      </Alert>
    );
  }
  if (draft.data.status !== 'draft') {
    return (
      <Alert>
        <CircleAlert aria-hidden />
        <AlertDescription>
          “{draft.data.name}” is past its decision gate, so its plan is no longer a draft.{' '}
          <Link className="font-medium text-primary hover:underline" to={`/campaigns/${draft.data.id}`}>
            Open the campaign
          </Link>
        </AlertDescription>
      </Alert>
    );
  }
  return <WizardForm key={draft.data.id} campaignId={draft.data.id} initialValues={valuesFromCampaign(draft.data)} initialStep={resumeStep(draft.data)} />;
}

function WizardForm({ campaignId: savedId, initialValues, initialStep }: { campaignId?: string; initialValues: PlanFormValues; initialStep: WizardStep }) {
  const navigate = useNavigate();
  const { workspace, canWrite, isOpsHead } = useCurrentWorkspace();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState<WizardStep>(initialStep);
  const [reached, setReached] = useState(WIZARD_STEPS.findIndex((s) => s.id === initialStep));
  const [campaignId, setCampaignId] = useState(savedId);
  const saveIntent = useSaveCampaignIntent();
  const saveBlueprint = useSaveCampaignBlueprint();
  const saveSuccess = useSaveCampaignSuccess();
  const assess = useAssessFeasibility();
  const busy = saveIntent.isPending || saveBlueprint.isPending || saveSuccess.isPending || assess.isPending;
  const failure = saveIntent.error ?? saveBlueprint.error ?? saveSuccess.error ?? assess.error;
  const stepIndex = WIZARD_STEPS.findIndex((s) => s.id === step);

  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const goTo = (next: WizardStep) => {
    const index = WIZARD_STEPS.findIndex((s) => s.id === next);
    setReached((r) => Math.max(r, index));
    setStep(next);
  };

  /** Validates and saves the current step; returns the campaign id on success. */
  async function saveStep(): Promise<string | null> {
    if (step === 'feasibility') return campaignId ?? null;
    const result = validateStep(values, step);
    if (!result.ok) {
      setErrors(result.errors);
      return null;
    }
    setErrors({});
    try {
      if (step === 'intent') {
        const { id } = await saveIntent.mutateAsync({ workspaceId: workspace.id, campaignId, intent: intentRow(values), promoCodes: promoCodesOf(values) });
        if (!campaignId) {
          setCampaignId(id);
          navigate(`/campaigns/new?draft=${id}`, { replace: true });
        }
        return id;
      }
      if (!campaignId) return null;
      if (step === 'blueprint') await saveBlueprint.mutateAsync({ campaignId, ...blueprintRows(values) });
      if (step === 'success') await saveSuccess.mutateAsync({ campaignId, success: successRow(values) });
      return campaignId;
    } catch {
      return null; // the mutation's error is shown above the form
    }
  }

  async function next() {
    const id = await saveStep();
    if (!id) return;
    if (step === 'success') {
      try {
        await assess.mutateAsync({ campaignId: id });
      } catch {
        return;
      }
    }
    goTo(WIZARD_STEPS[stepIndex + 1].id);
  }

  if (!canWrite) {
    return (
      <Alert>
        <CircleAlert aria-hidden />
        <AlertDescription>Viewers cannot plan campaigns. Ask an admin for the marketer role.</AlertDescription>
      </Alert>
    );
  }

  const copy = STEP_COPY[step];
  return (
    <div>
      <WizardStepsNav current={step} reached={reached} onSelect={(s) => setStep(s)} />
      <Card>
        <CardHeader>
          <CardTitle>{copy.title}</CardTitle>
          <CardDescription>{copy.description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {failure ? (
            <Alert variant="destructive" data-testid="wizard-error">
              <CircleAlert aria-hidden />
              <AlertDescription>{errorMessage(failure)}</AlertDescription>
            </Alert>
          ) : null}
          {Object.keys(errors).length > 0 ? (
            <Alert variant="destructive">
              <CircleAlert aria-hidden />
              <AlertDescription>Fix the highlighted fields to continue.</AlertDescription>
            </Alert>
          ) : null}
          {step === 'intent' ? <IntentStep values={values} errors={errors} set={set} /> : null}
          {step === 'blueprint' ? <BlueprintStep values={values} errors={errors} set={set} /> : null}
          {step === 'success' ? <SuccessStep values={values} errors={errors} set={set} /> : null}
          {step === 'feasibility' && campaignId ? <FeasibilityPanel campaignId={campaignId} canAssess={canWrite} isOpsHead={isOpsHead} /> : null}
          <div className="flex flex-wrap items-center justify-between gap-2 border-t pt-4">
            <Button variant="ghost" onClick={() => setStep(WIZARD_STEPS[stepIndex - 1].id)} disabled={stepIndex === 0 || busy}>
              <ArrowLeft aria-hidden />
              Back
            </Button>
            <div className="flex items-center gap-2">
              {campaignId ? <span className="text-xs text-muted-foreground">Draft saved at every step</span> : null}
              {step === 'feasibility' ? (
                <Button asChild>
                  <Link to={`/campaigns/${campaignId}`}>
                    Open campaign
                    <ArrowRight aria-hidden />
                  </Link>
                </Button>
              ) : (
                <>
                  {campaignId ? (
                    <Button variant="outline" onClick={() => void saveStep()} disabled={busy}>
                      <Save aria-hidden />
                      Save draft
                    </Button>
                  ) : null}
                  <Button onClick={() => void next()} loading={busy}>
                    {step === 'success' ? (assess.isPending ? 'Assessing feasibility' : 'Save & assess feasibility') : 'Save & continue'}
                    <ArrowRight aria-hidden />
                  </Button>
                </>
              )}
            </div>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
