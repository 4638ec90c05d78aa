import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import * as workflows from '../../../workflows';

const root = join(__dirname, '../../..');
const MAX_WORKFLOW_LINES = 120;

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
const parsed = sourcesUnder(join(root, 'workflows')).map((path) => ({
  file: relative(root, path),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}));

function visit(node: ts.Node, found: (node: ts.Node) => void): void {
  found(node);
  node.forEachChild((child) => visit(child, found));
}

/** What in a wait condition could change state: an assignment, ++/--, delete, or any call. */
function mutations(fn: ts.Node): string[] {
  const out: string[] = [];
  visit(fn, (node) => {
    const assigns =
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
    const steps =
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(node.operator);
    if (assigns || steps || ts.isDeleteExpression(node) || ts.isCallExpression(node)) out.push(node.getText());
  });
  return out;
}

describe('workflow sources', () => {
  it('keeps every workflow function to about a hundred lines: the business process, not its machinery', () => {
    const names = Object.keys(workflows);
    const lengths: Record<string, number> = {};
    for (const { source } of parsed) {
      visit(source, (node) => {
        if (ts.isFunctionDeclaration(node) && node.name && names.includes(node.name.text)) {
          const { line: start } = source.getLineAndCharacterOfPosition(node.getStart());
          const { line: end } = source.getLineAndCharacterOfPosition(node.getEnd());
          lengths[node.name.text] = end - start + 1;
        }
      });
    }
    expect(Object.keys(lengths).sort()).toEqual([...names].sort());
    const tooLong = Object.entries(lengths).filter(([, lines]) => lines > MAX_WORKFLOW_LINES);
    expect(tooLong).toEqual([]);
  });

  it('has wait conditions that only read state', () => {
    const offenders: string[] = [];
    let conditions = 0;
    for (const { file, source } of parsed) {
      visit(source, (node) => {
        if (!ts.isCallExpression(node) || node.expression.getText() !== 'condition') return;
        conditions += 1;
        const [predicate] = node.arguments;
        if (predicate && (ts.isArrowFunction(predicate) || ts.isFunctionExpression(predicate))) {
          for (const change of mutations(predicate.body)) offenders.push(`${file}: ${change}`);
        }
      });
    }
    expect(conditions).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });

  it('would catch a condition that changes state', () => {
    const source = ts.createSourceFile('x.ts', 'condition(() => (desk.settle(all), desk.decided !== null))', 99, true);
    const call = source.statements[0]!.getChildAt(0) as ts.CallExpression;
    expect(mutations((call.arguments[0] as ts.ArrowFunction).body)).toEqual(['desk.settle(all)']);
  });
});
