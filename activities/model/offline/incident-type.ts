/**
 * What a record that is not a breach is: a weakness found (a vulnerability), a service that stopped working (an
 * outage) or something else. Cues grouped by meaning; when a record has both, what happened to the service decides
 * ("a failed patch took billing offline" is an outage), unless the record is about fixing a weakness before harm.
 */
export type NonBreachType = 'service_outage' | 'security_vulnerability' | 'other';

const VULNERABILITY =
  /\b(CVE-\d{4}-\d+|vulnerab\w*|exploit\w*|zero-day|0-day|injection|misconfigur\w*|flaws?|weakness\w*|security (hole|gap|issue|finding|scan|review|audit|advisory|bulletin)|cross-site|XSS|CSRF|remote code execution|RCE|privilege escalation|advisory|bulletin|outdated|out-of-date|unpatched|end[- ]of[- ]life|unsupported (software|version|firmware)|(weak|default|hard-?coded|shared) (admin )?(passwords?|credentials)|pen(etration)? test\w*|bug bounty|researcher|open ports?|insecure|expired certificate)\b/i;
const PATCHED = /\b(patch\w*|hotfix\w*|fix(ed)? (was )?(applied|deployed|rolled out)|firmware update|upgraded)\b/i;
const OUTAGE =
  /\b(outages?|degrad\w*|disruption|interruption|unavailable|offline|loss of (service|signal|connectivity)|down|went dark|crash\w*|failed|failures?|faults?|delays?|dropped|drop-?outs?|intermittent|congest\w*|packet loss|latency|slow (speeds|internet|data)|no (mobile |data |internet |phone )?(service|signal|coverage|connectivity|dial tone)|without (mobile |data |internet |phone )?(service|signal|coverage|connectivity)|(could not|couldn't|unable to|cannot) (make|receive|connect|call|browse|access|log ?in|use|reach)|not working|fibre cut|cable cut|power (loss|failure|outage)|restored|back online)\b/i;
// A service effect stated outright: this, not its cause, makes a record an outage.
const SERVICE_EFFECT =
  /\b(outages?|unavailable|offline|down|went dark|loss of (service|signal|connectivity)|no (mobile |data |internet |phone )?(service|signal|coverage|connectivity)|without (mobile |data |internet |phone )?(service|signal|coverage|connectivity)|(could not|couldn't|unable to|cannot) (make|receive|connect|call|browse|access|log ?in|use|reach)|dropped|not working|disruption|interruption)\b/i;

export function nonBreachType(text: string): { type: NonBreachType; sure: boolean } {
  const weakness = VULNERABILITY.test(text);
  const service = OUTAGE.test(text);
  if (weakness && SERVICE_EFFECT.test(text)) return { type: 'service_outage', sure: false };
  if (weakness) return { type: 'security_vulnerability', sure: true };
  if (service) return { type: 'service_outage', sure: true };
  if (PATCHED.test(text)) return { type: 'security_vulnerability', sure: false };
  return { type: 'other', sure: false };
}
