import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/*
 * The shape of the code a contributor changes (test/structure.test.ts): circles of imports between
 * modules, and functions over a number of lines. A type-only import of interfaces or type aliases is
 * not an edge: it vanishes from the compiled JavaScript and names no behaviour.
 */

export interface Structure {
  /** The modules read. */
  readonly files: string[];
  /** Each circle of imports, as the modules in it (relative to the root), sorted. */
  readonly circles: string[][];
  /** `file:line name: N lines` for each function over the limit. */
  readonly longFunctions: string[];
}

export function analyse(root: string, dirs: string[], maxFunctionLines: number): Structure {
  const files = dirs.flatMap((dir) => sourceFiles(path.join(root, dir)));
  const parsed = new Map(files.map((file) => [file, ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.Latest, true)]));
  const graph = new Map(files.map((file) => [file, importsOf(parsed, file)]));
  return {
    files: files.map((f) => path.relative(root, f)),
    circles: circlesOf(graph).map((c) => c.map((f) => path.relative(root, f)).sort()),
    longFunctions: [...parsed].flatMap(([file, source]) => longFunctionsOf(source, maxFunctionLines).map((l) => `${path.relative(root, file)}:${l}`)),
  };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Whether an import names only interfaces or type aliases of the target, with `import type`. */
function typeOnlyOfInterfaces(statement: ts.ImportDeclaration, target: ts.SourceFile): boolean {
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  if (!clause || clause.name || !bindings || !ts.isNamedImports(bindings)) return false;
  if (!clause.isTypeOnly && !bindings.elements.every((e) => e.isTypeOnly)) return false;
  const interfaces = new Set(
    target.statements
      .filter((s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s))
      .map((s) => s.name.text),
  );
  return bindings.elements.every((e) => interfaces.has((e.propertyName ?? e.name).text));
}

function importsOf(parsed: Map<string, ts.SourceFile>, file: string): string[] {
  const targets: string[] = [];
  for (const statement of parsed.get(file)!.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!specifier.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), specifier);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => parsed.has(candidate));
    if (!target) continue;
    if (ts.isImportDeclaration(statement) && typeOnlyOfInterfaces(statement, parsed.get(target)!)) continue;
    targets.push(target);
  }
  return targets;
}

/** Tarjan's strongly connected components of more than one module, or of a module importing itself. */
function circlesOf(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

function longFunctionsOf(source: ts.SourceFile, max: number): string[] {
  const long: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = source.getLineAndCharacterOfPosition(node.end).line - first + 1;
      const name = ts.isConstructorDeclaration(node)
        ? `constructor of ${(node.parent as ts.ClassDeclaration).name?.text ?? 'a class'}`
        : (node as ts.FunctionLikeDeclaration).name?.getText() ?? '(anonymous)';
      if (lines > max) long.push(`${first + 1} ${name}: ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}
