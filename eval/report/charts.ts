/**
 * The browser side of the HTML report: plain JavaScript run by the page after Chart.js's UMD build. Chart.js has no
 * matrix chart, so the confusion heat maps are scatter charts on two category axes with square points whose colour
 * carries the count (blue on the diagonal, red off it), and a tiny plugin writes the counts in the cells.
 */
/** Chart.js defaults and the confusion heat map: every evaluation page draws with these. */
export const chartHelpers = String.raw`
  const palette = ['#2563eb', '#ea580c'];
  Chart.defaults.font.family = 'system-ui, -apple-system, Segoe UI, sans-serif';
  Chart.defaults.color = '#334155';

  const cellCounts = {
    id: 'cellCounts',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      chart.getDatasetMeta(0).data.forEach((el, i) => {
        const v = chart.data.datasets[0].data[i].v;
        ctx.save();
        ctx.font = '600 12px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillStyle = chart.data.datasets[0].data[i].dark ? '#fff' : '#0f172a';
        ctx.fillText(String(v), el.x, el.y);
        ctx.restore();
      });
    },
  };

  function heatmap(id, c) {
    const el = document.getElementById(id);
    if (!el) return;
    const max = Math.max(1, ...c.matrix.flat());
    const points = [];
    c.labels.forEach((actual, i) =>
      c.labels.forEach((predicted, j) => {
        const v = c.matrix[i][j];
        const t = v / max;
        points.push({ x: predicted, y: actual, v, diag: i === j, t, dark: t > 0.55 });
      }),
    );
    const colour = (p) =>
      p.v === 0 ? '#f1f5f9' : p.diag ? 'rgba(37,99,235,' + (0.15 + 0.85 * p.t) + ')' : 'rgba(220,38,38,' + (0.2 + 0.8 * p.t) + ')';
    const side = (ctx) => {
      const a = ctx.chart.chartArea;
      if (!a) return 10;
      return (Math.min(a.width, a.height) / c.labels.length / 2) * Math.SQRT2 - 1;
    };
    new Chart(el, {
      type: 'scatter',
      data: { datasets: [{ data: points, pointStyle: 'rect', radius: side, hoverRadius: side,
        backgroundColor: (ctx) => colour(ctx.raw), borderWidth: 0 }] },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (ctx) => ctx.raw.y + ' → ' + ctx.raw.x + ': ' + ctx.raw.v } },
        },
        scales: {
          x: { type: 'category', labels: c.labels, offset: true, grid: { display: false },
               title: { display: true, text: 'predicted' } },
          y: { type: 'category', labels: c.labels, offset: true, grid: { display: false },
               title: { display: true, text: 'actual' } },
        },
      },
      plugins: [cellCounts],
    });
  }

`;

export const chartScript = String.raw`
(function () {
  const data = JSON.parse(document.getElementById('eval-data').textContent);
${chartHelpers}
  function calibration(id) {
    const el = document.getElementById(id);
    if (!el) return;
    const datasets = data.runs.map((r, i) => ({
      label: r.label + ' (observed)',
      data: r.curve.map((p) => ({ x: p.meanConfidence, y: p.accuracy, n: p.n })),
      borderColor: palette[i], backgroundColor: palette[i], showLine: true, tension: 0,
      pointRadius: (ctx) => Math.max(3, Math.min(10, Math.sqrt(ctx.raw ? ctx.raw.n : 1))),
    }));
    datasets.push({ label: 'perfect calibration', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true,
      borderColor: '#94a3b8', borderDash: [6, 6], pointRadius: 0 });
    datasets.push({ label: "001's claim per band (98%, 92%, 75% right)", data: data.claims, pointStyle: 'triangle',
      pointRadius: 8, backgroundColor: '#16a34a', borderColor: '#16a34a' });
    new Chart(el, {
      type: 'scatter',
      data: { datasets },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { tooltip: { callbacks: { label: (ctx) => ctx.dataset.label + ': confidence ' +
          ctx.raw.x.toFixed(2) + ', accuracy ' + (100 * ctx.raw.y).toFixed(1) + '%' + (ctx.raw.n ? ' (' + ctx.raw.n + ' items)' : '') } } },
        scales: {
          x: { min: 0, max: 1, title: { display: true, text: 'stated confidence (bin mean)' } },
          y: { min: 0, max: 1, title: { display: true, text: 'observed accuracy' },
               ticks: { callback: (v) => Math.round(v * 100) + '%' } },
        },
      },
    });
  }

  function latency(id, run, i) {
    const el = document.getElementById(id);
    if (!el) return;
    const label = (b) => b.lo.toFixed(b.hi < 10 ? 2 : 0) + '–' + b.hi.toFixed(b.hi < 10 ? 2 : 0);
    new Chart(el, {
      type: 'bar',
      data: { labels: run.histogram.map(label),
        datasets: [{ label: run.label + ': model calls', data: run.histogram.map((b) => b.count),
          backgroundColor: palette[i], borderRadius: 3 }] },
      options: { maintainAspectRatio: false, animation: false,
        scales: { x: { title: { display: true, text: 'latency (ms)' } },
                  y: { beginAtZero: true, title: { display: true, text: 'calls' } } } },
    });
  }

  data.runs.forEach((r, i) => {
    heatmap('confusion-heatmap-' + i, r.department);
    heatmap('route-heatmap-' + i, r.route);
    latency('latency-histogram-' + i, r, i);
  });
  calibration('calibration-curve');
})();
`;
