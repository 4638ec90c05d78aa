import ts from 'typescript';

/** A place where a file reads `process.argv` itself instead of handing it to its parser. */
export interface ArgvRead {
  file: string;
  line: number;
  /** The first line of the statement that reads it. */
  code: string;
}

/** A script's parser, by the convention every script follows: `parse…Options(argv)`. */
const parserName = /^parse\w*Options$/;

function isProcessArgv(node: ts.Node): node is ts.PropertyAccessExpression {
  return (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'process' &&
    node.name.text === 'argv'
  );
}

function isParserCall(node: ts.Node | undefined): node is ts.CallExpression {
  if (!node || !ts.isCallExpression(node)) return false;
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return parserName.test(name);
}

const isArgumentOf = (node: ts.Node, call: ts.Node | undefined) =>
  call !== undefined && ts.isCallExpression(call) && call.arguments.some((argument) => argument === node);

/** `process.argv` or `process.argv.slice(n)`: the command line whole, before anything is picked out of it. */
function wholeCommandLine(argv: ts.PropertyAccessExpression): ts.Expression {
  const access = argv.parent;
  if (ts.isPropertyAccessExpression(access) && access.name.text === 'slice' && ts.isCallExpression(access.parent)) {
    return access.parent;
  }
  return argv;
}

/**
 * The command line is handed over when it goes straight into a parser, or into a const that reaches a parser and is
 * otherwise only passed on whole (eval/main.ts echoes it into the calibration it stores): never indexed, searched or
 * destructured, which is reading it by hand.
 */
function handedToParser(commandLine: ts.Expression, checker: ts.TypeChecker, sourceFile: ts.SourceFile): boolean {
  const parent = commandLine.parent;
  if (isParserCall(parent) && isArgumentOf(commandLine, parent)) return true;
  if (
    !ts.isVariableDeclaration(parent) ||
    parent.initializer !== commandLine ||
    !ts.isIdentifier(parent.name) ||
    !(ts.getCombinedNodeFlags(parent) & ts.NodeFlags.Const)
  ) {
    return false;
  }
  const declared = checker.getSymbolAtLocation(parent.name);
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== parent.name) {
      const symbol = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (symbol && symbol === declared) uses.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const passedOnWhole = (use: ts.Identifier) =>
    isArgumentOf(use, use.parent) || ts.isShorthandPropertyAssignment(use.parent);
  return uses.some((use) => isParserCall(use.parent) && isArgumentOf(use, use.parent)) && uses.every(passedOnWhole);
}

function statementOf(node: ts.Node): ts.Node {
  let statement = node;
  while (!ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) statement = statement.parent;
  return statement;
}

/** Every read of `process.argv` in these files (name → source) that does not hand the command line to a parser. */
export function argvReadsByHand(files: Record<string, string>): ArgvRead[] {
  const sources = new Map(
    Object.entries(files).map(([name, text]) => [name, ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true)]),
  );
  // Symbols within each file are all the check needs: no imports are resolved and no library is loaded.
  const host = ts.createCompilerHost({});
  host.getSourceFile = (name) => sources.get(name);
  host.fileExists = (name) => sources.has(name);
  const program = ts.createProgram([...sources.keys()], { noResolve: true, noLib: true, types: [] }, host);
  const checker = program.getTypeChecker();
  const reads: ArgvRead[] = [];
  for (const [file, sourceFile] of sources) {
    const visit = (node: ts.Node): void => {
      if (isProcessArgv(node)) {
        const commandLine = wholeCommandLine(node);
        if (!handedToParser(commandLine, checker, sourceFile)) {
          const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
          reads.push({ file, line: line + 1, code: statementOf(node).getText().split('\n')[0]! });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return reads;
}
