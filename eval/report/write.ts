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

/** A timestamped pair per run, plus `<name>-latest.*` copies so links and the README never go stale. */
export function writeReportFiles(
  dir: string,
  name: string,
  generatedAt: Date,
  content: { markdown: string; html: string },
): ReportPaths {
  mkdirSync(dir, { recursive: true });
  const stamp = generatedAt.toISOString().replace(/[:.]/g, '-');
  const paths: ReportPaths = {
    markdown: join(dir, `${name}-${stamp}.md`),
    html: join(dir, `${name}-${stamp}.html`),
    latestMarkdown: join(dir, `${name}-latest.md`),
    latestHtml: join(dir, `${name}-latest.html`),
  };
  writeFileSync(paths.markdown, content.markdown);
  writeFileSync(paths.html, content.html);
  copyFileSync(paths.markdown, paths.latestMarkdown);
  copyFileSync(paths.html, paths.latestHtml);
  return paths;
}

/** The tickets report: `tickets[-ab]-<timestamp>.{md,html}`. */
export function writeReports(report: Report, dir: string): ReportPaths {
  return writeReportFiles(dir, `${report.useCase}${report.ab ? '-ab' : ''}`, report.generatedAt, {
    markdown: renderMarkdown(report),
    html: renderHtml(report),
  });
}
