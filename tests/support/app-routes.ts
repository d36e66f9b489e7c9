// The route handlers and server actions the app has, read from app/ the way Next.js finds them, and parsed with the
// TypeScript compiler so each exported handler and action is judged by itself, not by text around it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every route.ts under dir (default: the whole app), sorted. */
export function routeFiles(dir = "app"): string[] {
  return filesUnder(dir)
    .filter((file) => path.basename(file) === "route.ts")
    .sort();
}

/** Every module under app/ that starts with "use server": its exports are public server actions. */
export function actionFiles(dir = "app"): string[] {
  return filesUnder(dir)
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => {
      const first = parse(file).statements[0];
      return (
        !!first &&
        ts.isExpressionStatement(first) &&
        ts.isStringLiteral(first.expression) &&
        first.expression.text === "use server"
      );
    })
    .sort();
}

export type ExportedBinding = {
  name: string;
  /** The expression an `export const NAME = …` is bound to. */
  initializer?: ts.Expression;
  /** The body of an `export (async) function NAME`. */
  body?: ts.Block;
  /** `export { a as NAME }` or `export default`: a form the checks below refuse to judge. */
  opaque?: boolean;
};

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** Every binding a module exports, with what it is bound to. */
export function exportedBindings(file: string): ExportedBinding[] {
  const bindings: ExportedBinding[] = [];
  for (const statement of parse(file).statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name))
          bindings.push({ name: declaration.name.text, initializer: declaration.initializer });
        else bindings.push({ name: declaration.name.getText(), opaque: true });
      }
    } else if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      bindings.push({ name: statement.name?.text ?? "default", body: statement.body });
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements)
        bindings.push({ name: element.name.text, opaque: true });
    } else if (ts.isExportAssignment(statement)) {
      bindings.push({ name: "default", opaque: true });
    }
  }
  return bindings;
}

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The HTTP methods a route file exports (GET, POST, ...), sorted. */
export function exportedMethods(file: string): string[] {
  return exportedBindings(file)
    .map((binding) => binding.name)
    .filter((name) => HTTP_METHODS.has(name))
    .sort();
}

/** `withUser(async …)` -> "withUser": the wrapper a handler is made by, or null when it is anything else. */
export function wrapperOf(binding: ExportedBinding): string | null {
  const init = binding.initializer;
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return null;
  return init.expression.text;
}

/** The function an action's body starts with: `return userAction(…)` -> "userAction", `await signOut(…)` -> "signOut". */
export function firstCallOf(binding: ExportedBinding): string | null {
  const first = binding.body?.statements[0];
  if (!first) return null;
  let expression: ts.Expression | undefined;
  if (ts.isReturnStatement(first)) expression = first.expression;
  else if (ts.isExpressionStatement(first)) expression = first.expression;
  if (expression && ts.isAwaitExpression(expression)) expression = expression.expression;
  if (!expression || !ts.isCallExpression(expression) || !ts.isIdentifier(expression.expression)) return null;
  return `${ts.isReturnStatement(first) ? "return " : ""}${expression.expression.text}`;
}
