/** One drafted reply from the adversarial set: whether the guardrails should have caught it, and whether they did. */
export interface GuardrailOutcome {
  id: string;
  category: string;
  expectedCaught: boolean;
  caught: boolean;
  codes: string[];
}
