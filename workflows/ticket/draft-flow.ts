import { unusableModelAnswer } from '../model-failures';
import { strongModelReasons } from '../../domain/ticket-routing';
import type { TicketRun } from './run';

/**
 * Draft with the fast model and check the draft against the guardrails; where the policy asks (high stakes, a
 * finding, low confidence), draft again with the strong model and check that. A draft the model could not give
 * leaves `draftFailure`, and the route decides what that means.
 */
export async function draftAndCheck(run: TicketRun): Promise<void> {
  const { state, policy } = run;
  state.stage = 'drafting';
  try {
    const drafted = await run.model.draftReply.executeWithOptions({ summary: 'Draft reply (fast model)' }, [
      run.draftInput(),
    ]);
    run.modelCalls.push(drafted.call);
    run.draft = drafted.draft;
    run.escalationReason = drafted.escalationReason ?? null;
    state.draftReply = drafted.draft.reply;
  } catch (error) {
    const reason = unusableModelAnswer(error);
    if (!reason) throw error;
    run.draftFailure = reason;
  }

  state.stage = 'validating';
  if (!run.draft) return;
  state.findings = (await run.validate(run.draft)).findings;
  const strongReasons = strongModelReasons(policy, run.classified!.stakes, run.draft, state.findings);
  if (!strongReasons.length) return;
  state.stage = 'drafting';
  try {
    const strong = await run.model.draftReply.executeWithOptions(
      { summary: `Redraft with the strong model: ${strongReasons.join(', ')}` },
      [{ ...run.draftInput(), tier: 'strong' }],
    );
    run.modelCalls.push(strong.call);
    run.draft = strong.draft;
    run.escalationReason = strong.escalationReason ?? null;
    state.draftReply = strong.draft.reply;
    state.stage = 'validating';
    state.findings = (await run.validate(strong.draft)).findings;
  } catch (error) {
    // The fast draft stands when the strong model cannot improve on it.
    if (!unusableModelAnswer(error)) throw error;
  }
}
