/**
 * Set-based anomaly detection over one sweep window: one statement, every account at once, each rule a CTE.
 * $1 = sweep date (the last day of the window), $2 = window length in days.
 * Thresholds are deliberate and named in the SELECT so analysts can read why an account was flagged.
 */
export const detectionSql = `
WITH win AS (SELECT $1::date AS last_day, ($1::date - ($2::int - 1)) AS first_day),
roaming AS (
  SELECT r.account_id, count(DISTINCT r.country) AS countries, round(sum(r.mb))::int AS roaming_mb
    FROM fraud_roaming_events r, win
   WHERE r.day BETWEEN win.last_day - 13 AND win.last_day
   GROUP BY r.account_id
),
travelled AS (
  SELECT account_id, count(DISTINCT country) AS countries
    FROM fraud_travel_history, win
   WHERE first_seen >= win.last_day - 730
   GROUP BY account_id
),
swap_calls AS (
  SELECT s.account_id, count(*) AS calls, round(sum(c.charge), 2) AS charged
    FROM fraud_sim_changes s
    JOIN fraud_voice_calls c ON c.account_id = s.account_id
     AND c.started_at BETWEEN s.changed_at AND s.changed_at + interval '48 hours'
    JOIN fraud_accounts a ON a.id = s.account_id, win
   WHERE s.changed_at::date BETWEEN win.first_day AND win.last_day
     AND (c.premium OR c.destination_country <> a.home_country)
   GROUP BY s.account_id
),
daily AS (
  SELECT d.account_id, d.day, d.mb FROM fraud_data_sessions d, win WHERE d.day BETWEEN win.first_day AND win.last_day
),
spike AS (
  -- A peak day in the last two weeks against the account's median day: the median is not dragged up by the spike.
  SELECT account_id, round(max(mb) FILTER (WHERE day > (SELECT last_day FROM win) - 14))::int AS peak_mb,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY mb))::int AS median_mb
    FROM daily GROUP BY account_id HAVING count(*) >= 10
),
intl AS (
  SELECT c.account_id, count(*) AS calls, sum(c.seconds) / 60 AS minutes, count(DISTINCT c.destination_country) AS countries,
         count(*) FILTER (WHERE c.premium) AS premium_calls, round(sum(c.charge) FILTER (WHERE c.premium), 2) AS premium_charged
    FROM fraud_voice_calls c JOIN fraud_accounts a ON a.id = c.account_id, win
   WHERE c.started_at::date BETWEEN win.first_day AND win.last_day AND c.destination_country <> a.home_country
   GROUP BY c.account_id
),
bleed AS (
  SELECT account_id, count(*) AS charges, count(DISTINCT vendor) AS vendors, round(sum(amount), 2) AS total
    FROM fraud_sms_charges, win
   WHERE charged_at::date BETWEEN win.first_day AND win.last_day AND amount < 5
   GROUP BY account_id
  HAVING count(DISTINCT vendor) >= 5
),
flags AS (
  SELECT a.id AS account_id, 'roaming_spree' AS pattern,
         jsonb_build_object('countries', r.countries, 'roaming_mb', r.roaming_mb, 'window_days', 14, 'plan_type', a.plan_type) AS evidence
    FROM fraud_accounts a JOIN roaming r ON r.account_id = a.id LEFT JOIN travelled t ON t.account_id = a.id
   WHERE a.plan_type = 'domestic' AND r.countries >= 6 AND coalesce(t.countries, 0) < 40
  UNION ALL
  SELECT account_id, 'sim_swap', jsonb_build_object('calls_after_sim_change', calls, 'window_hours', 48, 'charged', charged)
    FROM swap_calls WHERE calls >= 2
  UNION ALL
  SELECT s.account_id, 'usage_spike', jsonb_build_object('peak_daily_mb', s.peak_mb, 'median_daily_mb', s.median_mb)
    FROM spike s JOIN fraud_accounts a ON a.id = s.account_id, win
   WHERE a.opened_on < win.first_day AND s.peak_mb > 8 * greatest(s.median_mb, 1) AND s.peak_mb > 1000
  UNION ALL
  SELECT i.account_id, 'subscription_mismatch',
         jsonb_build_object('international_minutes', i.minutes, 'international_calls', i.calls, 'plan_type', a.plan_type)
    FROM intl i JOIN fraud_accounts a ON a.id = i.account_id
   WHERE a.plan_type = 'domestic' AND i.minutes >= 300 AND i.premium_calls = 0
  UNION ALL
  SELECT account_id, 'slow_bleed', jsonb_build_object('micro_charges', charges, 'vendors', vendors, 'total', total) FROM bleed
  UNION ALL
  SELECT account_id, 'irsf', jsonb_build_object('premium_international_calls', premium_calls, 'charged', premium_charged)
    FROM intl WHERE premium_calls >= 3
)
SELECT f.account_id, f.pattern, f.evidence
  FROM flags f
 WHERE NOT EXISTS (SELECT 1 FROM fraud_allowlist w WHERE w.account_id = f.account_id AND w.pattern = f.pattern)
 ORDER BY f.account_id, f.pattern`;
