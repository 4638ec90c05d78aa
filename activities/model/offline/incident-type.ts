import { RESTORED } from '../../../domain/compliance/breach-meanings';
import { canonicalIncidentText, withoutUnavailability } from '../../../domain/compliance/evidence';

/**
 * What a record that is not a breach is: a weakness found (a vulnerability), a service that stopped working (an
 * outage) or something else. Cues grouped by meaning; when a record has both, what happened to the service decides
 * ("a failed patch took billing offline" is an outage), unless the record is about fixing a weakness before harm.
 */
export type NonBreachType = 'service_outage' | 'security_vulnerability' | 'other';

const VULNERABILITY =
  /\b(CVE-\d{4}-\d+|vulnerab\w*|exploit\w*|zero-day|0-day|injection|misconfigur\w*|flaws?|weakness\w*|security (hole|gap|issue|finding|scan|review|audit|advisory|bulletin)|cross-site|XSS|CSRF|remote code execution|RCE|privilege escalation|advisory|bulletin|outdated|out-of-date|unpatched|end[- ]of[- ]life|unsupported (software|version|firmware)|(weak|default|hard-?coded|shared) (admin )?(passwords?|credentials)|pen(etration)? test\w*|bug bounty|researcher|open ports?|insecure|expired certificate|found (to be |to |)(allow\w*|permit\w*|accept\w*|expos\w*|open|unlocked|reachable|public|vulnerable|misconfigured|unprotected|unsecured)|unsecured|unprotected|locked down|unlocked|red team|(no|without) (approval|control|DLP)|permissions? (was |were )?(removed|revoked|restricted)|phishing (emails?|attempts?|campaigns?|messages?|sms)|(nobody|no one|none) clicked|quarantined|malware (detected|blocked)|(during|in) (an? |the |our )?(\w+ )?(audit|review|scan)|(settings?|configuration|config|rules?|permissions?|policy) (was |were |has been |have been )?(corrected|changed|fixed|tightened|locked down|hardened|reverted))\b/i;
// Positive evidence of something other than a breach, an outage or a weakness: without it, "other" is only the
// absence of a rule that matched, which a reviewer must confirm.
const OTHER =
  /\b(billing (error|mistake|issue)|overcharg\w*|incorrect(ly)? (charged|billed|priced)|pricing error|refunds?|complaints?|drill|evacuat\w*|fire alarm|false alarm|training|staff (matter|conduct|misconduct)|HR|misconduct|vandal\w*|graffiti|spam|marketing|planned (maintenance|change|work)|change (completed|went)|no (customer )?impact|without (customer )?impact|test(ed|ing)? (only|exercise)|exercise|near miss|restored from (the |a |last \w+'s )?(backup|snapshot|replica)|audit finding|policy breach|process (error|gap)|safety|injur\w*|weather|storm|flood|bushfire|copper theft|cable theft)\b/i;
const PATCHED = /\b(patch\w*|hotfix\w*|fix(ed)? (was )?(applied|deployed|rolled out)|firmware update|upgraded)\b/i;
const OUTAGE =
  /\b(outages?|degrad\w*|disruption|interruption|unavailable|unreachable|inaccessible|offline|loss of (service|signal|connectivity)|(?<!(locked|stood|stand|standing|taken|take|took|lock|wound|calm|broken) )down|went dark|crash\w*|fail\w*|faults?|delay\w*|(calls?|connections?|sessions?|services?|links?|signal|data) (\w+ )?drop\w*|drop-?outs?|dropp(ed|ing) (calls|connections|out|off)|intermittent\w*|overload\w*|black ?outs?|congest\w*|packet loss|latency|slow (speeds|internet|data)|no (mobile |data |internet |phone )?(service|signal|coverage|connectivity|dial tone)|without (mobile |data |internet |phone )?(service|signal|coverage|connectivity)|(could not|couldn't|unable to|cannot) (make|receive|connect|call|browse|access|log ?in|use|reach)|not working|fibre cut|cable cut|power (loss|failure|outage)|restored|back online)\b/i;
// A service effect stated outright: this, not its cause, makes a record an outage.
const SERVICE_EFFECT =
  /\b(outages?|unavailable|unreachable|inaccessible|offline|(?<!(locked|stood|stand|standing|taken|take|took|lock|wound|calm|broken) )down|went dark|loss of (service|signal|connectivity)|no (mobile |data |internet |phone )?(service|signal|coverage|connectivity)|without (mobile |data |internet |phone )?(service|signal|coverage|connectivity)|(could not|couldn't|unable to|cannot) (make|receive|connect|call|browse|access|log ?in|use|reach)|dropped|not working|disruption|interruption)\b/i;

export function nonBreachType(description: string): { type: NonBreachType; sure: boolean } {
  const text = withoutUnavailability(canonicalIncidentText(description));
  const weakness = VULNERABILITY.test(text);
  const service = OUTAGE.test(text);
  if (weakness && SERVICE_EFFECT.test(text)) return { type: 'service_outage', sure: false };
  if (weakness) return { type: 'security_vulnerability', sure: true };
  // Records lost to a fault and brought back, with no effect on a service stated, are neither a breach nor an outage.
  if (RESTORED.test(text) && !SERVICE_EFFECT.test(text)) return { type: 'other', sure: true };
  if (service) return { type: 'service_outage', sure: true };
  if (PATCHED.test(text)) return { type: 'security_vulnerability', sure: false };
  return { type: 'other', sure: OTHER.test(text) };
}
