/**
 * Hardening, alert fields (issue 11, item 4): members forge an alert's bookkeeping (who resolved it, the note, the
 * revert and correlation links) and point links at another workspace's rows; the database refuses with one answer
 * whether the foreign id exists or not, and the ops head's one-click revert still works afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { makeTeam, must, type Team } from '../support/team.ts';

interface Seeded {
  campaignId: string;
  cardId: string;
  correlationId: string;
}

let team: Team;
let other: Team;
let mine: Seeded;
let theirs: Seeded;

/** A running campaign with a creative-change card and the analysis's correlation, as the product writes them. */
async function seed(t: Team, label: string): Promise<Seeded> {
  const svc = serviceClient();
  const campaign = await must(svc.from('campaigns').insert({ workspace_id: t.workspaceId, name: `${label} sale`, objective: 'sales', status: 'active', decision: 'proceed' }).select().single());
  const card = await must(
    t.members.marketer.client
      .from('marketer_actions')
      .insert({ workspace_id: t.workspaceId, campaign_id: campaign.id, action_type: 'creative_change', title: `${label} hero image`, status: 'completed' })
      .select()
      .single(),
  );
  const correlation = await must(
    svc
      .from('correlations')
      .insert({ workspace_id: t.workspaceId, campaign_id: campaign.id, action_id: card.id, metric: 'sales', change_pct: -60, strength: 'strong', confidence: 0.9, method: 'rules', finding_key: `k-${crypto.randomUUID()}` })
      .select()
      .single(),
  );
  return { campaignId: campaign.id, cardId: card.id, correlationId: correlation.id };
}

async function newAlert(t: Team, s: Seeded): Promise<string> {
  const alert = await must(
    serviceClient()
      .from('ai_alerts')
      .insert({
        workspace_id: t.workspaceId,
        campaign_id: s.campaignId,
        correlation_id: s.correlationId,
        trigger_action_id: s.cardId,
        severity: 'high',
        title: 'Sales dropped 60% after creative change',
        confidence: 0.9,
        source: 'rules',
        finding_key: `f-${crypto.randomUUID()}`,
        suggested_action: { type: 'revert', target_action_id: s.cardId, button_label: 'Revert creative', auto_executable: true },
      })
      .select('id')
      .single(),
  );
  return alert.id;
}

const alertRow = async (id: string) => must(serviceClient().from('ai_alerts').select('*').eq('id', id).single());

beforeAll(async () => {
  [team, other] = await Promise.all([makeTeam('Alerts'), makeTeam('Other alerts')]);
  [mine, theirs] = await Promise.all([seed(team, 'Ours'), seed(other, 'Theirs')]);
}, 60_000);

describe('a marketer forging an alert', () => {
  it("cannot set resolved_by, resolved_at or a note on its own, and the row stays as it was", async () => {
    const id = await newAlert(team, mine);
    const before = await alertRow(id);
    const marketer = team.members.marketer.client;
    for (const patch of [
      { resolved_by: team.members.ops_head.userId },
      { resolution_note: 'Handled by the ops head' },
      { status: 'resolved' as const, resolved_by: team.members.ops_head.userId },
    ]) {
      const { error } = await marketer.from('ai_alerts').update(patch).eq('id', id).select();
      expect(error?.code).toBe('42501');
    }
    expect(await alertRow(id)).toEqual(before);
  });

  it("cannot set revert_action_id or correlation_id, so the ops head's one-click revert still works", async () => {
    const id = await newAlert(team, mine);
    const decoy = await must(
      team.members.marketer.client
        .from('marketer_actions')
        .insert({ workspace_id: team.workspaceId, campaign_id: mine.campaignId, action_type: 'other', title: 'Decoy', status: 'planned' })
        .select()
        .single(),
    );
    const link = await team.members.marketer.client.from('ai_alerts').update({ revert_action_id: decoy.id }).eq('id', id).select();
    expect(link.error?.code).toBe('42501');
    const unlink = await team.members.marketer.client.from('ai_alerts').update({ correlation_id: null }).eq('id', id).select();
    expect(unlink.error?.code).toBe('42501');

    const revert = await team.members.ops_head.client.rpc('revert_alert_action', { p_alert_id: id });
    expect(revert.error).toBeNull();
    expect(await alertRow(id)).toMatchObject({ revert_action_id: revert.data!.id, correlation_id: mine.correlationId, status: 'active' });
  });

  it("gets one answer for another workspace's row and for an id that exists nowhere", async () => {
    const id = await newAlert(team, mine);
    const before = await alertRow(id);
    const marketer = team.members.marketer.client;
    const foreignCard = await marketer.from('ai_alerts').update({ revert_action_id: theirs.cardId }).eq('id', id).select();
    const noCard = await marketer.from('ai_alerts').update({ revert_action_id: crypto.randomUUID() }).eq('id', id).select();
    const foreignCorrelation = await marketer.from('ai_alerts').update({ correlation_id: theirs.correlationId }).eq('id', id).select();
    const noCorrelation = await marketer.from('ai_alerts').update({ correlation_id: crypto.randomUUID() }).eq('id', id).select();
    for (const answer of [foreignCard, noCard, foreignCorrelation, noCorrelation]) {
      expect(answer.error).toMatchObject({ code: '42501', message: foreignCard.error?.message });
    }
    expect(await alertRow(id)).toEqual(before);
  });

  it('resolves with a note of its own, recorded as resolved by the marketer', async () => {
    const id = await newAlert(team, mine);
    const { error } = await team.members.marketer.client.from('ai_alerts').update({ status: 'resolved', resolution_note: 'Rolled the creative back by hand' }).eq('id', id).select();
    expect(error).toBeNull();
    expect(await alertRow(id)).toMatchObject({ status: 'resolved', resolved_by: team.members.marketer.userId, resolution_note: 'Rolled the creative back by hand' });
  });
});

describe('links written by trusted code', () => {
  it("refuses even the service role pointing an alert at another workspace's card or correlation", async () => {
    const id = await newAlert(team, mine);
    for (const patch of [{ revert_action_id: theirs.cardId }, { correlation_id: theirs.correlationId }, { trigger_action_id: theirs.cardId }]) {
      const { error } = await serviceClient().from('ai_alerts').update(patch).eq('id', id).select();
      expect(error?.code).toBe('23503');
    }
    expect(await alertRow(id)).toMatchObject({ revert_action_id: null, correlation_id: mine.correlationId, trigger_action_id: mine.cardId });
  });

  it("answers an outsider's revert of an alert like an unknown alert, and reverts nothing", async () => {
    const id = await newAlert(team, mine);
    const outsider = await other.members.ops_head.client.rpc('revert_alert_action', { p_alert_id: id });
    const unknown = await other.members.ops_head.client.rpc('revert_alert_action', { p_alert_id: crypto.randomUUID() });
    expect(outsider.error).toMatchObject({ code: 'P0002', message: unknown.error?.message });
    expect((await alertRow(id)).revert_action_id).toBeNull();
  });
});
