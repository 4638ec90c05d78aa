import type { UseCaseReport } from '../../../eval/report/blocks';
import { renderUseCaseHtml } from '../../../eval/report/use-case-html';
import { renderUseCaseMarkdown } from '../../../eval/report/use-case-markdown';

interface Figures {
  accuracy: number;
}

function report(previous: number | null): UseCaseReport<Figures> {
  return {
    useCase: 'faults',
    generatedAt: new Date('2026-01-02T03:04:05Z'),
    engineNote: 'Served by the offline engine: NOT an LLM.',
    datasetNote: '2 items.',
    unit: 'diagnosis',
    runs: [
      {
        label: 'current',
        provider: 'offline',
        model: 'm',
        promptVersions: { 'fault/diagnose': 'abc' },
        runId: 7,
        figures: { accuracy: 0.75 },
        previous:
          previous === null
            ? null
            : { id: 6, startedAt: new Date(0), promptVersions: {}, figures: { accuracy: previous } },
      },
    ],
    headlines: [{ label: 'Accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.accuracy }],
    cards: (f) => [{ label: 'Accuracy', value: String(f.accuracy), detail: '<b>2</b> items' }],
    blocks: () => [
      { kind: 'text', text: 'alert </script><script>alert(1)</script>' },
      {
        kind: 'confusion',
        title: 'Decision',
        confusion: {
          labels: ['auto', 'approval'],
          matrix: [
            [1, 0],
            [1, 0],
          ],
        },
      },
      {
        kind: 'bars',
        title: 'By variant',
        axis: 'variant',
        unit: 'pct',
        labels: ['seeded'],
        series: [{ label: 'action', data: [0.5] }],
      },
    ],
    ab: null,
    notes: ['a note'],
  };
}

describe('use-case report renderers', () => {
  it('writes the headline table with drift against the previous run, and every block as a table', () => {
    const md = renderUseCaseMarkdown(report(0.5));
    expect(md).toContain('> Served by the offline engine: NOT an LLM.');
    expect(md).toContain('| Accuracy | 75.0% | 50.0% | +25.0 pp |');
    expect(md).toContain('Drift compares current with run #6');
    expect(md).toContain('| auto | 1 | 0 |');
    expect(md).toContain('| seeded | 50.0% |');
    expect(renderUseCaseMarkdown(report(null))).toContain('drift starts with the next run');
  });

  it('draws each chart into its own canvas from inlined data, and escapes what it shows', () => {
    const html = renderUseCaseHtml(report(null), '/* chart.js */');
    expect(html).toContain('<canvas id="faults-chart-0-1">');
    expect(html).toContain('<canvas id="faults-chart-0-2">');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;b&gt;2&lt;/b&gt; items');
    const data = JSON.parse(/<script id="eval-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.charts.map((c: { id: string; kind: string }) => [c.id, c.kind])).toEqual([
      ['faults-chart-0-1', 'confusion'],
      ['faults-chart-0-2', 'bars'],
    ]);
  });
});
