import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { Report } from './model';

export interface ReportPaths {
  markdown: string;
  html: string;
  latestMarkdown: string;
  latestHtml: string;
}

/** A timestamped pair per run, plus `<use-case>[-ab]-latest.*` copies so links and the README never go stale. */
export function writeReports(report: Report, dir: string): ReportPaths {
  mkdirSync(dir, { recursive: true });
  const stamp = report.generatedAt.toISOString().replace(/[:.]/g, '-');
  const base = `${report.useCase}${report.ab ? '-ab' : ''}`;
  const paths: ReportPaths = {
    markdown: join(dir, `${base}-${stamp}.md`),
    html: join(dir, `${base}-${stamp}.html`),
    latestMarkdown: join(dir, `${base}-latest.md`),
    latestHtml: join(dir, `${base}-latest.html`),
  };
  writeFileSync(paths.markdown, renderMarkdown(report));
  writeFileSync(paths.html, renderHtml(report));
  copyFileSync(paths.markdown, paths.latestMarkdown);
  copyFileSync(paths.html, paths.latestHtml);
  return paths;
}
