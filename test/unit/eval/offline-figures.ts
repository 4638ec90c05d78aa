import { extractIncidentOffline } from '../../../activities/model/offline/extract-incident';
import { loadHandwrittenSet, type HandwrittenSetName } from '../../../eval/datasets/acma-handwritten';
import { computeHandwrittenFigures, outcomeOf } from '../../../eval/scoring/acma-handwritten';

/** A hand-written ACMA set and its figures as the offline extraction rules score it. */
export function scoredOffline(name: HandwrittenSetName) {
  const set = loadHandwrittenSet(name);
  const figures = computeHandwrittenFigures(
    set,
    set.cases.map((c) => outcomeOf(c, extractIncidentOffline({ incident: c.incident }))),
  );
  return { set, figures };
}
