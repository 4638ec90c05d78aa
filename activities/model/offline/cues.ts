/**
 * Telco vocabulary per intent, written from the taxonomy's descriptions and ordinary Australian telco usage (nbn,
 * BPAY, eSIM, porting, pre-paid recharge, TIO...), not from any evaluation set. The naive Bayes model knows only the
 * words of its ~1,000 training rows; these cues carry the synonyms and phrasings it never saw, and a cue that
 * disagrees with the model is how the classifier learns it should not be sure.
 */
import { foldForRules } from '../../../domain/stakes-rules';

const money = String.raw`(?:bill|bills|invoice|invoices|statement|account)`;
const data = String.raw`(?:data|gb|gigs?|mb|allowance|cap|minutes|mins|texts|calls)`;

export const intentCues: Record<string, RegExp[]> = {
  dispute_invoice: [
    new RegExp(
      String.raw`\b${money}\b.{0,40}\b(?:wrong|incorrect|higher|more than|too high|went up|increase\w*|off|mistake|error)\b`,
    ),
    /\b(?:overcharg\w*|over-?charg\w*|dont recogni[sz]e|do not recogni[sz]e|never signed up|whats this|what is this|what are these)\b/,
    /\b(?:charge|fee)\b.{0,30}\b(?:never|dont|didnt|recogni[sz]e|explain|what is|whats)\b/,
    /\b(?:why is my bill|whats the go with my bill|check my bill|explain my bill|dispute)\b/,
  ],
  invoices: [
    /\b(?:copy|copies|download|pdf|email me|send me|find|receive\w*|get|re-?send)\b.{0,30}\b(?:bill|bills|invoice|invoices|statement)\b/,
    /\btax invoice\b|\bhavent (?:got|received) (?:a|my) bill\b|\bwhere (?:is|did) my bill\b/,
  ],
  pay: [
    /\b(?:pay|paying|payment|paid)\b.{0,30}\b(?:bill|now|today|owe|outstanding|overdue|card|visa|mastercard|post office|bpay)\b/,
    /\bbpay\b|\bbiller code\b|\bpay (?:off|my bill|bill)\b|\brecharge\b|\btop ?up\b|\bvoucher\b/,
  ],
  schedule_payments: [
    /\bdirect debit\b|\bauto-?pay\w*\b|\bauto(?:matic)?(?:ally)? (?:pay\w*|recharge|debit|come out)\b/,
    /\brecurring\b|\bscheduled? payments?\b|\bautomatic\w*\b.{0,25}\bpay\w*\b|\bevery month on\b|\bauto recharge\b/,
  ],
  check_mobile_payments: [
    /\bapp store\b|\bgoogle play\b|\bcarrier billing\b|\bthird[- ]party (?:charges?|purchases?)\b|\bpremium sms\b/,
    /\b(?:purchases?|bought|payments made)\b.{0,40}\b(?:phone|mobile|number)\b/,
  ],
  check_usage: [
    new RegExp(String.raw`\b(?:how much|how many|remaining|left|used|usage|close to)\b.{0,40}\b${data}\b`),
    new RegExp(String.raw`\b${data}\b.{0,30}\b(?:left|remaining|used|so far|still available|available)\b`),
    /\b(?:check|see|view|know|tell me)\b.{0,15}\bmy usage\b|\bburn\w* (?:thru|through)\b/,
  ],
  check_excess_data_charges: [
    /\b(?:over|exceed\w*|extra|excess|run out of|ran out of|additional)\b.{0,25}\b(?:data|allowance|usage|gb)\b.{0,40}\b(?:charg\w*|cost|fee|pay|bill)\b/,
    /\b(?:charg\w*|cost|fee)\b.{0,40}\b(?:go(?:ing)? over|over (?:my|the) (?:data|allowance)|excess|extra data|data packs?)\b/,
    /\boverage\b|\bexcess usage\b|\bextra data packs?\b/,
    // The price asked before the condition: "is there a fee when I run out of data".
    /\b(?:fee|charge|cost|pay)\b.{0,30}\b(?:run out of|ran out of|go over|going over|exceed\w*|use all)\b.{0,15}\b(?:data|allowance)\b/,
  ],
  duplicate_charge: [
    /\b(?:twice|two times|2 times|double[- ]?(?:charg\w*|debit\w*|bill\w*)|duplicate\w*|charged me twice)\b/,
    /\b(?:2|two) (?:identical|same) (?:payments?|charges?)\b|\bsame (?:payment|charge) twice\b/,
  ],
  roaming_charge_query: [
    /\b(?:roaming|overseas|international|abroad|travel pass)\b.{0,40}\b(?:charg\w*|bill|cost|fee)\b/,
    /\b(?:charg\w*|bill)\b.{0,40}\b(?:roaming|overseas|international|abroad|trip)\b/,
  ],
  financial_settlement: [
    /\bhardship\b|\binstal+ments?\b|\bpayment (?:plan|arrangement|extension)\b|\barrears\b|\bdebt\b|\bsettle\b/,
    /\b(?:cant|cannot|unable to) (?:afford|pay)\b|\bmore time\b|\bdoing it tough\b|\bpaus\w* payments?\b|\bcentrelink\b/,
  ],
  get_compensation: [
    /\bcompensat\w*\b|\breimburs\w*\b|\bout of pocket\b|\bdeserve\b/,
    /\b(?:credit|money back|refund)\b.{0,40}\b(?:outage|down|days?|week|service|couldnt|didnt show|technician)\b/,
  ],
  complaint_general: [
    /\b(?:complain\w*|rude|on hold|useless|ridiculous|fed up|disgrace\w*|appalling|not good enough|unacceptable)\b/,
    /\b(?:callback|call back)\b.{0,30}\b(?:never|promised)\b|\bpromised\b.{0,30}\bnever\b|\btransfer\w* me around\b/,
  ],
  report_poor_signal_coverage: [
    /\b(?:signal|reception|bars?)\b.{0,30}\b(?:bad|poor|terrible|weak|drops?|no|zero|one|1)\b/,
    /\b(?:bad|poor|terrible|weak|no|zero|one|1|crappy|crap)\b.{0,20}\b(?:signal|reception|bars?|coverage)\b/,
    /\bcalls? (?:keep )?(?:drop\w*|cut\w* out)\b|\bdrop\w* out\b.{0,30}\bdriv\w*\b|\bblack ?spot\b/,
  ],
  check_signal_coverage: [
    /\b(?:is|are) (?:nbn|fibre|fiber|5g|4g|coverage)\b.{0,30}\bavailable\b|\bavailable (?:at|in)\b/,
    /\b(?:can i get|do you have|is there)\b.{0,20}\b(?:5g|4g|nbn|fibre|fiber|coverage)\b|\bfttp\b|\bfttn\b|\bfttc\b|\bhfc\b/,
    /\b(?:coverage|nbn|fibre)\b.{0,20}\b(?:at|in) (?:my|\d|[a-z]+ st)\b/,
  ],
  activate_phone: [
    /\bactivat\w*\b|\be-?sim\b|\bnew sim\b|\breplacement sim\b|\bswitch it on\b/,
    /\bnew phone\b.{0,30}\b(?:arrived|working|set ?up|my number)\b|\b(?:turn on|set up) wi-?fi calling\b/,
  ],
  install_internet: [
    /\binstal\w*\b|\btechnician\b.{0,20}\b(?:come|visit|book)\b|\bgo live\b|\bconnection date\b/,
    /\b(?:connect\w*|set up|get)\b.{0,25}\b(?:nbn|internet|fibre|broadband)\b.{0,30}\b(?:new|address|house|place|office|home)\b/,
    /\bmoving (?:house|home)\b|\bmodem (?:arrived|came)\b|\bhome internet\b.{0,20}\bset up\b/,
  ],
  activate_roaming: [
    /\b(?:turn on|switch on|enable|activat\w*|add|need)\b.{0,30}\b(?:roaming|travel pack|travel pass)\b/,
    /\b(?:heading|going|flying|travel\w*|trip) (?:to|out|overseas)\b|\bwill my phone work in\b|\broaming\b.{0,30}\b(?:switch|turn) (?:it )?on\b/,
  ],
  slow_internet: [
    /\bslow\w*\b|\blag\w*\b|\bbuffer\w*\b|\bcrawl\w*\b|\bmbps\b|\bspeeds?\b.{0,30}\b(?:drop|bad|poor|low)\b/,
    /\bonly getting\b|\bbarely load\b|\bspeeds? drop\b/,
  ],
  network_outage: [
    /\b(?:completely|totally|all) down\b|\boutage\b|\bno service\b|\bno dial tone\b|\bred light\b|\bsos only\b/,
    /\b(?:internet|nbn|net|data|landline|phone line|service|mobile)\b.{0,25}\b(?:down|dead|not working|wont (?:work|send|connect)|keeps? drop\w* out|drop\w* out)\b/,
    /\b(?:mms|picture messages?|wi-?fi calling)\b.{0,30}\b(?:wont|not|fail\w*|isnt)\b|\bnothing connects\b|\bcant load anything\b/,
  ],
  change_plan: [
    /\b(?:upgrade|downgrade|recontract\w*)\b|\bchange (?:my )?plan\b|\b(?:bigger|smaller|cheaper|different) plan\b/,
    /\bwhat plans\b|\bcheapest plan\b|\bunlimited (?:plan|data)\b|\bpost-?paid\b|\bnew phone on a plan\b|\badd (?:a|another) line\b/,
  ],
  discount_request: [
    /\bdiscount\w*\b|\bloyalty\b|\bprice match\b|\bmatch (?:it|that|their price)\b|\bdeals?\b|\bpromo\w*\b/,
    /\bknock\w* (?:something|some|a bit) off\b|\btoo (?:pricey|expensive|dear)\b|\b(?:student|pensioner|concession|seniors?)\b|\bbundle\b/,
  ],
  deactivate_phone: [
    /\bdeactivat\w*\b|\bdisconnect (?:my|the|our|this)\b.{0,20}\b(?:sim|phone|mobile|tablet|number)\b/,
    /\b(?:block|kill|turn off|cancel)\b.{0,25}\b(?:sim|second mobile|old phone|tablet)\b|\bphone (?:was )?stolen\b/,
  ],
  change_provider: [
    /\bport\w*\b.{0,30}\b(?:to|out|across)\b|\bport out\b|\b(?:another|different|other) (?:provider|carrier|telco)\b/,
    /\b(?:leaving|switching|moving|going) (?:to|for) (?:optus|telstra|vodafone|tpg|belong|boost|amaysim|aussie)\b|\bkeep my number\b/,
  ],
  cancel_plan: [
    /\bcancel\w*\b.{0,30}\b(?:plan|service|contract|account|nbn|internet)\b|\bhow do i cancel\b/,
    /\bclose my account\b|\bend my contract\b|\bterminat\w*\b.{0,20}\b(?:service|contract|account)\b/,
  ],
  check_cancellation_fee: [
    /\b(?:fee|cost|charged|payout|pay out|balance|owing)\b.{0,40}\b(?:cancel\w*|break|leave|exit|early|terminat\w*|end the contract)\b/,
    /\b(?:early termination|break (?:my|the) contract|exit fee|cancellation fee)\b/,
  ],
  data_export: [
    /\bexport\w*\b|\bcsv\b|\bspreadsheet\b|\bcall (?:history|records?)\b|\bfile of\b/,
    /\b(?:download|copy)\b.{0,30}\b(?:data|history|records|usage)\b|\ball (?:the )?data you hold\b/,
  ],
  report_fraud: [
    /\bfraud\w*\b|\bscam\w*\b|\bhack\w*\b|\bsim (?:was )?swap\w*\b|\bidentity\b|\bwithout my (?:permission|consent)\b/,
    /\bsomeone\b.{0,30}\b(?:logged in|opened|ported|using|changed|has access)\b|\bnever made\b|\bdidnt request\b/,
  ],
  service_suspension: [
    /\bsuspen\w*\b|\bbarred\b|\brestricted\b|\bblocked\b|\bon hold while\b|\brestore\b|\breconnect\b/,
    /\bturn (?:it|my \w+) back on\b|\bpause my service\b|\bput my service on hold\b/,
  ],
  account_access: [
    /\bpassword\b|\blog ?in\b|\blogging in\b|\bsign(?:ing)? in\b|\blocked out\b|\bverification code\b|\b2fa\b/,
    /\bcant (?:get into|access)\b.{0,15}\b(?:app|account|my account)\b|\breset\b.{0,20}\bpassword\b/,
  ],
  human_agent: [
    /\breal person\b|\bhuman\b|\b(?:actual|live|real) (?:agent|person)\b|\boperator\b|\bnot a bot\b|\bdont want a bot\b/,
    /\b(?:talk|speak) to (?:a|an|someone|somebody)\b|\b(?:call|ring) me back\b|\btransfer me to\b/,
  ],
  customer_service: [
    /\b(?:phone number|contact number|email address|call cent(?:re|er)|(?:opening|business|call centre|your) hours|store|shop)\b/,
    /\bhow (?:do i|can i) (?:contact|reach|call|email) you\b|\bcontact you\b/,
  ],
};

/** Cue matches per intent for `text`; most messages match none or one intent. */
export function cueCounts(text: string): Map<string, number> {
  const folded = foldForRules(text).replace(/[^a-z0-9$%\s/-]+/g, ' ');
  const counts = new Map<string, number>();
  for (const [intent, cues] of Object.entries(intentCues)) {
    const n = cues.filter((cue) => cue.test(folded)).length;
    if (n > 0) counts.set(intent, n);
  }
  return counts;
}
