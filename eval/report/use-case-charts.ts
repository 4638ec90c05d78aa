import { chartHelpers } from './charts';

/**
 * The browser side of a use case's HTML page: each chart in the embedded data is a confusion heat map (the tickets
 * page's) or a bar chart, drawn after Chart.js's UMD build.
 */
export const useCaseChartScript = String.raw`
(function () {
  const data = JSON.parse(document.getElementById('eval-data').textContent);
${chartHelpers}
  const colours = ['#2563eb', '#ea580c', '#16a34a', '#9333ea'];
  function bars(id, b) {
    const el = document.getElementById(id);
    if (!el) return;
    const pct = b.unit === 'pct';
    new Chart(el, {
      type: 'bar',
      data: { labels: b.labels, datasets: b.series.map((s, i) => ({ label: s.label, data: s.data,
        backgroundColor: colours[i % colours.length], borderRadius: 3 })) },
      options: { maintainAspectRatio: false, animation: false,
        scales: { x: { title: { display: true, text: b.axis } },
                  y: { beginAtZero: true, max: pct ? 1 : undefined,
                       ticks: { callback: (v) => (pct ? Math.round(v * 100) + '%' : v) } } } },
    });
  }

  data.charts.forEach((c) => (c.kind === 'confusion' ? heatmap(c.id, c.confusion) : bars(c.id, c)));
})();
`;
