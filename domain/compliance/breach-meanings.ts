/**
 * The vocabulary of a breach, one group per meaning. A record is a breach when it says someone's data (first two
 * groups) had something happen to it (the other four), so each group lists the ways people log that one meaning,
 * not the sentences of any one record. Applied to canonical text (Unicode folded, number words as digits).
 */
const alt = (...parts: string[]) => new RegExp(parts.join('|'), 'i');

// The people whose data it is, and the forms their data takes: possessives ("a customer's address", "members'
// names"), the nouns records are kept under, and the documents that carry a customer's details.
const PERSON = String.raw`(?:customer|subscriber|(?<!staff |team |crew |board |family |committee )member|user|client|account holder|account owner|owner|holder|patient|resident|individual|person|people|someone|applicant|caller|household|recipient|consumer|tenant|famil(?:y|ie)|business|compan(?:y|ie)|neighbou?r|cust|victim)`;
const THEIRS = String.raw`(?:records?|data|details|information|info|profiles?|accounts?|files?|lists?|address(?:es)?|names?|identit(?:y|ies)|documents?|numbers?|history|orders?|bills?|statements?|invoices?|letters?|emails?|messages?|recordings?|photos?)`;

export const MEANINGS: Record<string, RegExp> = {
  'personal information': alt(
    String.raw`\b(personal (information|data|details|info)|PII|names?|(home|postal|email|service|billing|residential|street|delivery|installation) address(es)?|addresses`,
    String.raw`dates? of birth|birth ?dates|DOBs?|(driver'?s? )?licen[cs]e (numbers?|details)|passports?( numbers)?|(ID|identity) (documents|cards|scans|photos|checks|details)|photo ID`,
    String.raw`Medicare (numbers?|cards?|details)|tax file numbers?|TFNs?|(credit |debit )?card (numbers|details|data)|payment (card|details|information)|bank (account )?(details|numbers)|BSBs?`,
    String.raw`account (numbers?|details|PINs?|passwords?|balances?|information)|PINs|passwords|security (questions|answers)|(phone|mobile|contact) (numbers|details)|email addresses`,
    String.raw`call (records|history|logs|recordings)|(call |voice )?recordings?|voicemails?|text messages|texts|SMS(es)?|OTPs?|one-time (codes|passwords)|verification codes|location (data|history)|browsing history|billing (data|details|history|information|records)`,
    String.raw`bills|invoices|statements|letters|correspondence|contracts|order details|session (tokens|data|cookies)|credentials|login details`,
    String.raw`(driver'?s? )?licen[cs]es|signatures|(outstanding |account )?balances?|(call|usage|recharge|payment|purchase|order|porting|browsing) (logs?|history|records|details|requests)`,
    String.raw`(payment |overdue |debt )?(reminders|notices)|(ID|identity) cards|plan details|contact details|concession cards?|(customer |ID |identity )?IDs|ID scans|credit (checks?|history|reports?|results|check results)|bill|invoice|statement)\b`,
  ),
  'customer records': alt(
    String.raw`\b${PERSON}(?:'s|s'|s)?\s+(?:own\s+)?${THEIRS}\b`,
    // Whatever a person's possessive points at is theirs ("a caller's porting request", "members' screenshots"), and
    // anyone's possessive of what records are kept under ("her ex-partner's account").
    String.raw`\b[\w-]+(?:'s|s')\s+(?:[\w-]+\s+)?${THEIRS}\b`,
    // Accounts attacked are records reached: a takeover says both what and that.
    String.raw`\b(looked up|browsed|accessed|viewed|opened|searched|pulled up) (\S+ ){0,3}?(accounts?|profiles|files)\b`,
    String.raw`\b(accounts?|logins?|mailboxes|profiles) (were |was |got )?(taken over|hijacked|compromised|accessed|breached|logged into)|credential stuffing|brute[- ]forc\w*|password spray\w*|account takeovers?`,
    String.raw`\b${PERSON}(?:'s|s'|ies')\s+(?:[\w-]+\s+){0,2}?[\w-]+`,
    String.raw`\b(details|information|data|records|names|addresses|files|accounts|profiles|documents|texts|messages|emails|letters|bills|invoices|statements) (?:of|for|belonging to) (?:\S+ ){0,4}?${PERSON}s?\b`,
    String.raw`\b(customer|subscriber|member|user|client) (database|export|spreadsheet|list|register|table|extract|dump|base)\b`,
    String.raw`\b(records|profiles|spreadsheet|database|export|extract|data dump|mailing list|contact list|transcripts|application forms|paperwork|CRM)\b`,
    String.raw`\b(their|his|her|someone else's) (own )?(details|information|data|address|records|accounts?|history|bills?)\b`,
  ),
  exposure: alt(
    String.raw`\b(expos(ed|ure|ing)|public[- ]read|(set|made|left|switched) (to )?public|uploaded to (a|an|the) (public|open|shared)|(on|to) social media|(readable|accessible|viewable|open|available|visible) (by|to) (all|any|every|everyone|anyone)|publicly (readable|accessible|available|visible|listed|viewable|searchable)|open to (the )?(internet|world|public)|left open|world-readable`,
    String.raw`without (a |any )?(login|password|authentication|sign-in)|no (login|password|authentication) (was )?(needed|required)`,
    String.raw`(public|shareable|open) (link|URL|bucket|share|folder|repo(sitory)?|page)|anyone with the (link|URL)|indexed by|cached by`,
    String.raw`leak(ed|s|ing)?|published|posted (online|publicly|on (a|the) )|posted (\S+ ){0,5}?(on|to) (a |the )?(\w+ )?(facebook|instagram|twitter|tiktok|reddit|forums?|group|site|website|social media)|(showed up|appeared|published|listed|visible) (\S+ ){0,3}?(in|on) (the |a )?public|paste site|dark ?web|for sale|visible to|(could|can) be (downloaded|viewed|read|seen|accessed|opened)|(available|accessible|viewable) to (anyone|the public|other))\b`,
  ),
  access: alt(
    String.raw`\b(accessed|access(ed)? without|unauthori[sz]ed (access|party|parties|user|person|staff|login)|gained (access|entry)|got (into|hold of|access)|broke into|logged (in|into|on)|signed in`,
    String.raw`took over|taken over|take over|takeover|hijack\w*|intruders?|hackers?|attackers?|threat actors?|compromised|viewed|looked up|snoop\w*|brows(e|ed|ing)`,
    String.raw`pretend\w* to be|impersonat\w*|pos(ed|ing) as|social[- ]engineer\w*|SIM[- ]swap\w*|port[- ]out fraud|phish\w*|scammers?|fraudsters?|thie(f|ves)|burglar\w*|broke in`,
    String.raw`broken into|credential stuffing|brute[- ]forc\w*|(logins?|sign-?ins?) succeeded|pull(ed|ing)? (\S+ ){0,3}(records|profiles|details|data|lists?)|listened to|overheard|captured|collected by`,
    String.raw`screenshots?|photograph\w*|heard (another|other|someone else|a different)|took (a )?(cop(y|ies)|photos?|pictures?)|kept (a )?cop(y|ies)|queried|quer(y|ying) the|(opened|opening|accessing|reading) (the |their |other |another |\d+ )?(\S+ )?(pages?|accounts?|records?|files?|profiles?|details|orders?|emails?|mailbox\w*)`,
    String.raw`retrieved|downloaded|copied|obtained|acquired|harvested|scraped|exfiltrat\w*|extracted|siphoned|intercepted|stole|breach(ed)?|ransomware`,
    String.raw`(used|exploited|abused) (against|to (access|view|obtain|download|read|take))|was exploited|were exploited)\b`,
  ),
  disclosure: alt(
    String.raw`\b(disclos\w*|reveal\w*|(meant|intended) for (a |an |the )?(different|other|another|wrong)|went to (our |the |their )?(entire|whole|full)|(re)?sold|still (had|held|contained|showed)|(not|never|wasn't|weren't) (been )?(wiped|erased|reset|sanitised|sanitized)|misdirected|misaddressed|misdeliver\w*|mis-sent|sold|someone else's|instead of bcc|(in|on) the (to|cc) (field|line))\b`,
    String.raw`\b(shown|showed|show|displayed|sent|emailed|posted|mailed|faxed|texted|delivered|forwarded|handed|given|shared|read out|played|printed|attached|included|visible|addressed|uploaded|passed|sold|leaked|went|got|received|ended up|landed|returned) (\S+ ){0,12}?(to|with|on|in|for|by) (the |a |an |their |his |her |its )?(own |personal |private )?((wrong|other|another|different|unintended|incorrect|unrelated) (\w+ )?(person|people|customers?|recipients?|households?|address(es)?|email( address)?|numbers?|carriers?|CSPs?|providers?|vendors?|suppliers?|party|parties|accounts?|contacts?|members?|compan(y|ies)|business(es)?|agenc(y|ies)|callers?|subscribers?|users?|famil(y|ies)|tenants?|premises|house|mailbox|phones?|clients?|debt collectors?|recoveries)|passers-?by|bystanders|strangers|gmail|hotmail|outlook|yahoo|icloud|dropbox|home (email|address|computer|PC)|recycled numbers|an? (external|third|unrelated|different)|someone else|third part(y|ies)|members? of the public|competitors?|rivals?|neighbou?rs?|friends?|family|journalists?|reporters?|group chats?|personal (email|account|phone|device)|private (email|account)|ad (platform|network)s?|advertis\w+|(the )?person (behind|next to|in front of))\b`,
    String.raw`\bwrong (\w+ )?(recordings?|bills?|invoices?|statements?|letters?|emails?|files?|documents?|SIMs?|details|recipients?|address(es)?|households?|customers?|person|people|accounts?|email|number|contacts?|premises|house|party|parties|mailbox|profiles?)\b`,
    String.raw`\b(handed|given|shown|sent|emailed|mailed|posted) (her|his|their|the other|another) (\S+ ){0,3}?(licen[cs]e|contract|bill|invoice|details|ID|paperwork|documents?|statement|letter)s?\b`,
    String.raw`\b(customer|account) (a|1|x)\b[^.;]{0,30}\b(to|with) (customer|account) (b|2|y)\b`,
    String.raw`\b(neighbou?rs?|previous (owner|customer|tenant|occupant|user)s?|former (owner|customer|tenant)s?|next customer|ex-partner|someone else)('s|s'|')`,
    String.raw`\b(another|a different|other) (\w+ )?(customer|user|subscriber|person|member|household|account holder|business|company|caller|client)('s|s')`,
    String.raw`\b(could|can|were able to|was able to) (see|view|read|open|download) (\S+ ){0,3}?(another|other|each other|someone else|the wrong|a different)`,
    String.raw`\b((spreadsheet|file|list|document|report|CSV|export)s? (was |were )?attached|attached (a |an |the )?(spreadsheet|file|list|document|report|CSV|export)|(spreadsheet|file|list|document|report|CSV|export) attached|to each other)\b`,
  ),
  'loss or theft': alt(
    String.raw`\b(lost|stolen|theft|missing|mislaid|misplaced|unaccounted for|not (been )?(recovered|returned|found|located)|(can't|cannot|could not|couldn't) be (found|located)|left (behind )?(\S+ ){0,14}?(in|on|at|behind) (a|an|the|someone|another|his|her|their)\b|thrown (away|out|in|into)|discarded|dumped)\b`,
    String.raw`\b(found (\w+ )?(in|on|at|near|behind|outside) (a|an|the) (\w+ )?(skip|bin|dumpster|street|footpath|park|car park|train|bus|taxi|cafe|gutter|kerb|laneway)|took (the|a|an) (\w+ )?(PC|computer|laptop|server|tablet|phone|device|drive|bag|folder)|recycling (skip|bin)|kerbside|(was|were|got) (taken|nicked|pinched|swiped))\b`,
  ),
};

export const DATA = ['personal information', 'customer records'];
export const ACTION = ['exposure', 'access', 'disclosure', 'loss or theft'];

// Positive evidence that no one's data was involved.
export const DENIAL = alt(
  String.raw`\b(no|nor|without|zero) (\w+ ){0,3}(data|information|info|records|details|files|PII)\b|\b(full[- ]disk |disk |device )?encryption (was |is )?(active|enabled|on)\b|\bno access (was )?(logged|recorded|seen|found|detected)|\b(access )?logs show (no|nobody|none)`,
  String.raw`\b(device|drive|laptop|disk|phone|tablet|it) (was |is )?(fully )?encrypted\b|\bno (external |unauthori[sz]ed |outside )?access\b|\bnothing left the (building|premises|network|site)`,
  String.raw`\b(synthetic|test|dummy|fake|sample|anonymi[sz]ed|de-identified) data\b|\bonly (our own|internal|staff|our|known) (IPs|addresses|users|staff)|\bnone (were |was )?(lost|exposed|accessed|taken)\b|\bnot an? (\w+ )?breach\b`,
  String.raw`\bno (evidence|indication|sign|suggestion)s? (of|that) (\w+ ){0,3}(access|accessed|exploit\w*|exfiltration|compromise|misuse|viewed|copied|taken)`,
  String.raw`\b(never|not) (been )?(exploited|accessed|opened|viewed|exposed|disclosed|compromised)\b|\bnot involved\b|\bunaffected\b`,
  String.raw`\bno (\w+ ){0,3}(has|have|had|was|were) (been )?(accessed|viewed|exposed|disclosed|taken|copied|compromised|downloaded)\b|\bnothing about (customers|anyone|people|subscribers)\b`,
  String.raw`\b(holds?|held|contains?|contained|stores?|stored|carries|carried) no\b|\b(was|were|remained|is) (fully )?encrypted\b|\bnothing (was )?(accessed|taken|exposed|copied|viewed)\b`,
);
// Denials that speak for the whole incident: what was reached held nothing real, or nobody else reached it. They
// outweigh a sentence that says something was exposed, unless a record names real personal information.
export const WHOLE_DENIAL =
  /\b(synthetic|test|dummy|fake|sample|anonymi[sz]ed|de-identified) data\b|\bonly (our own|internal|staff|our|known) (IPs|addresses|users|staff)\b|\b(was|were|is) (fully )?encrypted and (held|holds|contained|contains|stored|stores) no\b/i;
// Of the whole denials, those that hold even where personal information is named: it went where the law or the
// customer's own authority sent it, or it never came from us at all.
export const LAWFUL_OR_NOT_OURS =
  /\b(authori[sz]ed (representative|person|party|contact)|within (the )?(account )?authority|lawful (request|disclosure)|warrant|subpoena|law enforcement|LEA|police request|s ?280|s ?313|court order|not from our (network|systems)|nothing came from our|impersonating (our|the) brand|spoof\w*|(scam|spoofed|fake) (sms|texts?|messages?|calls?|emails?)|scamwatch)\b/i;
// Words that turn a denial into a hope.
export const UNCERTAIN =
  /\b(may|might|possibly|potentially|unclear|unknown|not yet (known|confirmed|determined)|under investigation|investigating|suspected|could have|believed|likely|unconfirmed|being assessed|cannot rule out|can't rule out|not (been )?ruled out|to be confirmed)\b/i;
// A capability, not an event: "could allow an attacker to read account details" says what might happen.
export const HYPOTHETICAL =
  /\b((could|would|might|may) (have )?(allow|let|enable|permit)|allow(s|ed)? (an? )?(attacker|anyone|someone|hackers?|third part)|let(s)? (anyone|an attacker|attackers)|if (it (was|were|is) )?exploited|in theory|theoretical\w*)/i;
// Data lost to a fault and brought back (from a backup, a replica) is unavailable, not taken: a loss of that kind is
// not a personal-data breach unless something else (exposure, access, disclosure) is said.
export const RESTORED =
  /\b(restored|recovered|rebuilt|reloaded|replayed|re-?imported)\b[^.;]{0,40}\b(backups?|snapshots?|replicas?|mirror|secondary)\b|\b(corrupt\w*|overwritten|purged)\b/i;
// Things that carry data out of the building when lost: their loss is a breach even when nothing was "accessed".
export const CARRIER =
  /\b(PCs?|computers?|laptops?|notebooks?|phones?|handsets?|tablets?|devices?|USBs?|(thumb|flash|hard|external) drives?|memory sticks?|sticks?|tapes?|bags?|briefcases?|folders?|boxes|envelopes?|paperwork|printouts?|forms|documents|letters|files)\b/i;
