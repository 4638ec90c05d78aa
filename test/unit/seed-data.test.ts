import { addDays } from '../../db/seed/calendar';
import { creditPolicy, knowledgeArticles, knowledgeCategories, planIds, plans } from '../../db/seed/catalogue';
import { buildSeedData } from '../../db/seed';

const referenceDate = '2025-11-22';
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const article = (title: string) => {
  const found = knowledgeArticles.find((a) => a.title === title);
  if (!found) throw new Error(`no article titled "${title}"`);
  return found;
};
const plan = (id: string) => plans.find((p) => p.id === id)!;

describe('knowledge-base.json', () => {
  it('has at least 44 well-formed articles with unique ids, in every category', () => {
    expect(knowledgeArticles.length).toBeGreaterThanOrEqual(44);
    expect(new Set(knowledgeArticles.map((a) => a.id)).size).toBe(knowledgeArticles.length);
    expect(new Set(knowledgeArticles.map((a) => a.category))).toEqual(new Set(knowledgeCategories));
    for (const a of knowledgeArticles) {
      expect(wordCount(a.body)).toBeGreaterThanOrEqual(50);
      expect(wordCount(a.body)).toBeLessThanOrEqual(180);
    }
  });

  it('states the duplicate-charge refund policy word for word', () => {
    expect(article('Duplicate charge refunds').body).toContain(
      'If you are charged twice for the same plan fee, we refund the duplicate charge within 5–7 business days to your original payment method.',
    );
  });

  it('explains roaming overage with each plan rate, how to check usage and the add-on price', () => {
    const body = article('Roaming overage charges explained').body;
    expect(body).toContain('Travel Buddy includes 200 MB of roaming data per month');
    expect(body).toContain('$0.09/MB on Travel Buddy');
    expect(body).toContain('My Account > Usage > Roaming');
    expect(body).toContain('Unlimited Roaming add-on for $15/month');
  });

  it('has the CSV export steps and fields', () => {
    const body = article('Export your usage and billing history to CSV').body;
    expect(body).toContain('My Account > Usage > Export, choose CSV');
    expect(body).toContain('date, type, description and amount');
  });

  it('limits discounts to published promotions and leaves goodwill credits to an agent', () => {
    const body = article('Discounts, promotions and credits policy').body;
    expect(body).toContain("We don't offer percentage discounts on plan fees outside our published promotions");
    expect(body).toContain('Goodwill credits are assessed by an agent');
  });

  it.each([
    ['cancellation', /cancel/i],
    ['outages', /outage/i],
    ['outages', /slow/i],
    ['devices', /set up|setting up/i],
    ['devices', /activat/i],
    ['payments', /payment arrangement/i],
    ['payments', /hardship/i],
    ['security', /fraud/i],
    ['account', /log in/i],
  ])('covers %s: %s', (category, pattern) => {
    expect(knowledgeArticles.some((a) => a.category === category && pattern.test(`${a.title} ${a.body}`))).toBe(true);
  });

  it('quotes only dollar amounts that exist in the plans, the add-on or the fee schedule', () => {
    const allowed = new Set([
      ...plans.flatMap((p) => [p.monthlyPrice, p.roamingOveragePerMb, p.dataOveragePerGb]),
      15,
      10,
    ]);
    for (const a of knowledgeArticles) {
      for (const m of a.body.matchAll(/\$(\d+(?:\.\d+)?)/g))
        expect([a.id, allowed.has(Number(m[1]))]).toEqual([a.id, true]);
    }
  });

  it('lists every plan with its own price and data in the plans overview', () => {
    const body = article('Our mobile plans at a glance').body;
    for (const p of plans)
      expect(body).toContain(`${p.name} costs $${p.monthlyPrice}/month with ${p.dataGb} GB of data`);
  });
});

describe('plans.json', () => {
  it('has at least 6 plans with unique ids and names', () => {
    expect(plans.length).toBeGreaterThanOrEqual(6);
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length);
    expect(new Set(plans.map((p) => p.name)).size).toBe(plans.length);
    expect(plans.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(planIds)));
  });

  it('defines Travel Buddy as in the source document, with 50 distinct countries including Thailand', () => {
    const tb = plan(planIds.travelBuddy);
    expect(tb).toMatchObject({
      name: 'Travel Buddy',
      monthlyPrice: 79,
      dataGb: 40,
      roamingMb: 200,
      roamingOveragePerMb: 0.09,
      dataOveragePerGb: 10,
    });
    expect(new Set(tb.includedCountries).size).toBe(50);
    expect(tb.includedCountries).toContain('Thailand');
    expect(tb.includedCountries).not.toContain('Australia');
  });

  it('prices Premium 99 at $99 and gives no roaming allowance without countries', () => {
    expect(plan(planIds.premium)).toMatchObject({ name: 'Premium 99', monthlyPrice: 99 });
    for (const p of plans) expect(p.roamingMb > 0).toBe(p.includedCountries.length > 0);
  });
});

describe('buildSeedData', () => {
  const data = buildSeedData(referenceDate);
  const chargesOf = (accountId: string) => data.charges.filter((c) => c.accountId === accountId);

  it('is deterministic and keeps every charge inside the 90 days up to the reference date', () => {
    expect(buildSeedData(referenceDate)).toEqual(data);
    expect(new Set(data.charges.map((c) => c.id)).size).toBe(data.charges.length);
    for (const c of data.charges) {
      expect(c.postedOn >= addDays(referenceDate, -89) && c.postedOn <= referenceDate).toBe(true);
    }
  });

  it('has about 200 generated customers plus the demo accounts, with Australian mobile numbers', () => {
    expect(data.accounts.length).toBeGreaterThanOrEqual(200);
    for (const c of data.customers) expect(c.phone).toMatch(/^04\d{2} \d{3} \d{3}$/);
    expect(data.supportTickets.some((t) => t.status === 'open')).toBe(true);
  });

  it('gives Jane Doe two identical $99.00 plan fees a day apart in the current cycle', () => {
    const fees = chargesOf('ACC-1001').filter((c) => c.kind === 'plan' && c.postedOn >= addDays(referenceDate, -20));
    expect(fees.map((c) => [c.postedOn, c.amount])).toEqual([
      [addDays(referenceDate, -14), 99],
      [addDays(referenceDate, -13), 99],
    ]);
  });

  it('gives Alex Chen the $45.00 Thailand roaming charge for 700 MB used', () => {
    const roaming = chargesOf('ACC-1002').filter((c) => c.kind === 'roaming');
    expect(roaming).toEqual([
      expect.objectContaining({
        amount: 45,
        country: 'Thailand',
        usageMb: 700,
        description: 'Roaming data overage, Thailand, 500 MB at $0.09/MB',
      }),
    ]);
    expect(roaming[0]!.postedOn >= addDays(referenceDate, -20)).toBe(true);
  });

  it('gives Morgan Smith a $30 data overage and every demo account its plan', () => {
    expect(
      chargesOf('ACC-1006')
        .filter((c) => c.kind === 'overage')
        .map((c) => c.amount),
    ).toEqual([30]);
    const planOf = (id: string) => data.accounts.find((a) => a.id === id)?.planId;
    expect(planOf('ACC-1001')).toBe(planIds.premium);
    expect(planOf('ACC-1002')).toBe(planIds.travelBuddy);
    for (const id of ['ACC-1003', 'ACC-1004', 'ACC-1005', 'ACC-1006', 'ACC-1007', 'ACC-1008'])
      expect(planOf(id)).toBeDefined();
  });

  it('seeds the five credit policy rows', () => {
    expect(
      Object.fromEntries(creditPolicy.map((r) => [r.action, [r.maxAmount, r.maxPercent, r.minTenureMonths]])),
    ).toEqual({
      refund_duplicate_charge: [null, null, 0],
      goodwill_credit: [20, null, 6],
      discount: [null, 10, 24],
      waive_fee: [25, null, 12],
      plan_change: [null, null, 0],
    });
  });
});
