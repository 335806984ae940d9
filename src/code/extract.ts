// Finds pieces of the app's own source code by their syntax, so a learner can see the function that
// decided a command or the projection code that an event ran. It walks the syntax tree, never the
// raw text, so a comment or a string that looks like code is never taken for code.
import {
  descendants,
  isComment,
  isFunction,
  isLabel,
  isLiteral,
  isTextLiteral,
  lineOf,
  linesBetween,
  literalParts,
  parse,
  textOf,
  type Node,
  type ParsedFile,
} from './sourceFile';

/**
 * Whole lines of a file: one top-level declaration with the comment lines directly above it (they
 * say why the code is so). `firstLine` is 1-based in the file; `marked` are 1-based in the snippet,
 * in order, each once.
 */
export type Snippet = { name: string; code: string; firstLine: number; marked: number[] };

type Declaration = { name: string; statement: Node; value: Node };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Each `${…}` matches any text, even none: a value can print as '' and the fixed text around it is
// what tells messages apart. The message must match as a whole, so laziness changes nothing.
const patternOf = (parts: readonly string[]): RegExp =>
  new RegExp(`^${parts.map(escapeRegExp).join('[\\s\\S]*?')}$`);

/**
 * A matcher for the messages a string or template literal can produce, given the literal as it is
 * written (quotes or backticks included). Null if the text is not one such literal.
 */
export const refusalPattern = (literalText: string): RegExp | null => {
  const file = parse(literalText);
  const statement = file.top.firstChild;
  const literal = statement?.name === 'ExpressionStatement' ? statement.firstChild : null;
  if (!literal || !isLiteral(literal) || literal.from !== 0) return null;
  if (literal.to !== literalText.length) return null;
  return patternOf(literalParts(file, literal));
};

// ---- Top-level declarations

const bindingsOf = (statement: Node): { name: Node; value: Node }[] => {
  const declaration =
    statement.name === 'ExportDeclaration'
      ? (statement.getChild('VariableDeclaration') ?? statement.getChild('FunctionDeclaration'))
      : statement;
  if (declaration?.name === 'FunctionDeclaration') {
    const name = declaration.getChild('VariableDefinition');
    return name ? [{ name, value: declaration }] : [];
  }
  if (declaration?.name !== 'VariableDeclaration') return [];
  return declaration.getChildren('VariableDefinition').flatMap((name) => {
    let next = name.nextSibling;
    while (next && next.name !== 'Equals' && next.name !== ',') next = next.nextSibling;
    const value = next?.name === 'Equals' ? next.nextSibling : null;
    return value ? [{ name, value }] : [];
  });
};

const declarationsOf = (file: ParsedFile): Map<string, Declaration> => {
  const declarations = new Map<string, Declaration>();
  for (let statement = file.top.firstChild; statement; statement = statement.nextSibling) {
    for (const { name, value } of bindingsOf(statement)) {
      declarations.set(textOf(file, name), { name: textOf(file, name), statement, value });
    }
  }
  return declarations;
};

const functionsOf = (file: ParsedFile): Map<string, Declaration> =>
  new Map([...declarationsOf(file)].filter(([, declaration]) => isFunction(declaration.value)));

/** A comment that has its line to itself and ends on the line before `offset`. */
const isCommentRightAbove = (file: ParsedFile, node: Node, offset: number): boolean => {
  const before = file.source.slice(file.lineStarts[lineOf(file, node.from) - 1], node.from);
  return (
    isComment(node) && before.trim() === '' && lineOf(file, node.to) === lineOf(file, offset) - 1
  );
};

/** Where a statement's snippet starts: at the comments on the lines right above it, if any. */
const snippetStart = (file: ParsedFile, statement: Node): number => {
  let start = statement.from;
  let before = statement.prevSibling;
  while (before && isCommentRightAbove(file, before, start)) {
    start = before.from;
    before = before.prevSibling;
  }
  return start;
};

const snippetOf = (file: ParsedFile, declaration: Declaration, marked: number[]): Snippet => {
  const firstLine = lineOf(file, snippetStart(file, declaration.statement));
  const lastLine = lineOf(file, declaration.statement.to);
  const end = file.lineStarts[lastLine] ?? file.source.length + 1;
  const inside = marked.filter((line) => line >= firstLine && line <= lastLine);
  return {
    name: declaration.name,
    code: file.source.slice(file.lineStarts[firstLine - 1], end - 1),
    firstLine,
    marked: [...new Set(inside)].sort((a, b) => a - b).map((line) => line - firstLine + 1),
  };
};

/** A top-level function (`const name = … =>`, `function name`, exported or not), unmarked. */
export const topLevelFunction = (source: string, name: string): Snippet | null => {
  const file = parse(source);
  const declaration = functionsOf(file).get(name);
  return declaration ? snippetOf(file, declaration, []) : null;
};

/** A top-level declaration of any kind with the lines that hold the literal `text` marked. */
export const mentioning = (source: string, name: string, text: string): Snippet | null => {
  const file = parse(source);
  const declaration = declarationsOf(file).get(name);
  if (!declaration) return null;
  const lines = descendants(declaration.value, (node) => isTextLiteral(file, node, text)).map(
    (node) => lineOf(file, node.from),
  );
  return lines.length > 0 ? snippetOf(file, declaration, lines) : null;
};

/** The other top-level functions a declaration names, called or passed on (`lines.map(priceLine)`). */
const functionNames = (file: ParsedFile, functions: Map<string, Declaration>, within: Node) =>
  descendants(within, (node) => node.name === 'VariableName' && functions.has(textOf(file, node)));

/**
 * The top-level functions named on the marked lines of `snippet` (a snippet of `source`), each
 * whole and unmarked: the helpers a marked case clause hands its work to.
 */
export const helpersOf = (source: string, snippet: Snippet): Snippet[] => {
  const file = parse(source);
  const functions = functionsOf(file);
  const declaration = declarationsOf(file).get(snippet.name);
  if (!declaration) return [];
  const marked = new Set(snippet.marked.map((line) => line + snippet.firstLine - 1));
  const named = functionNames(file, functions, declaration.value)
    .filter((node) => marked.has(lineOf(file, node.from)))
    .map((node) => textOf(file, node));
  return [...new Set(named)]
    .filter((name) => name !== snippet.name)
    .flatMap((name) => {
      const helper = functions.get(name);
      return helper ? [snippetOf(file, helper, [])] : [];
    });
};

// ---- Refusals: `throw new DomainError(…)`

type Refusal = { statement: Node; literal: Node };

const refusalsIn = (file: ParsedFile, within: Node): Refusal[] =>
  descendants(within, (node) => node.name === 'ThrowStatement').flatMap((statement) => {
    const created = statement.getChild('NewExpression');
    const callee = created?.getChild('VariableName');
    const literal = created?.getChild('ArgList')?.firstChild?.nextSibling; // after "("
    return callee && textOf(file, callee) === 'DomainError' && literal && isLiteral(literal)
      ? [{ statement, literal }]
      : [];
  });

/** The first of the case labels a switch item follows (`case 'paid': case 'shipped':`). */
const labelsBefore = (item: Node): Node | null => {
  let first: Node | null = null;
  for (let before = item.prevSibling; before && before.name !== '{'; before = before.prevSibling) {
    if (isLabel(before)) first = before;
    else if (first && !isComment(before)) break;
  }
  return first;
};

/** The lines of a throw and of the rule that guards it: its `if`, or the case labels it follows. */
const ruleLines = (file: ParsedFile, statement: Node): number[] => {
  const item = statement.parent?.name === 'Block' ? statement.parent : statement;
  const guard =
    item.parent?.name === 'IfStatement'
      ? item.parent
      : item.parent?.name === 'SwitchBody'
        ? labelsBefore(item)
        : null;
  return linesBetween(file, guard?.from ?? statement.from, statement.to);
};

type Found = { path: string[]; refusals: Refusal[] };

const pathTo = (cameFrom: Map<string, string | null>, name: string): string[] => {
  const path = [name];
  for (let caller = cameFrom.get(name); caller; caller = cameFrom.get(caller)) path.unshift(caller);
  return path;
};

// Breadth first from the handler (the queue grows as it is read), so when the same text is thrown
// in several places the one fewest calls away wins; a tie goes to the function named first.
const findRefusal = (
  file: ParsedFile,
  functions: Map<string, Declaration>,
  handler: string,
  message: string,
): Found | null => {
  const cameFrom = new Map<string, string | null>([[handler, null]]);
  const queue = [handler];
  for (const name of queue) {
    const declaration = functions.get(name);
    if (!declaration) continue;
    const refusals = refusalsIn(file, declaration.value).filter((refusal) =>
      patternOf(literalParts(file, refusal.literal)).test(message),
    );
    if (refusals.length > 0) return { path: pathTo(cameFrom, name), refusals };
    for (const node of functionNames(file, functions, declaration.value)) {
      const callee = textOf(file, node);
      if (cameFrom.has(callee)) continue;
      cameFrom.set(callee, name);
      queue.push(callee);
    }
  }
  return null;
};

/**
 * Where `handler` (or a top-level function it reaches) refuses with exactly `message`: the handler
 * first, then each function on the way to the throw. Each caller has its calls to the next one
 * marked (all of them, when it calls it twice); the function that throws has the throw and its
 * guard marked. `matched` is false, and the handler unmarked, when no DomainError in reach can say
 * `message` (the refusal came from elsewhere: the command's schema, a version conflict).
 */
export const refusingRule = (
  source: string,
  handlerName: string,
  message: string,
): { snippets: Snippet[]; matched: boolean } => {
  const file = parse(source);
  const functions = functionsOf(file);
  const handler = functions.get(handlerName);
  if (!handler) return { snippets: [], matched: false };
  const found = findRefusal(file, functions, handlerName, message);
  if (!found) return { snippets: [snippetOf(file, handler, [])], matched: false };
  const snippets = found.path.map((name, i) => {
    const declaration = functions.get(name) ?? handler;
    const next = found.path[i + 1];
    const marked = next
      ? functionNames(file, functions, declaration.value)
          .filter((node) => textOf(file, node) === next)
          .map((node) => lineOf(file, node.from))
      : found.refusals.flatMap((refusal) => ruleLines(file, refusal.statement));
    return snippetOf(file, declaration, marked);
  });
  return { snippets, matched: true };
};

// ---- Projections: `project: (rows, event) => { switch (event.type) { case 'X': … } }`

const propertyNamed = (file: ParsedFile, object: Node, name: string): Node | null =>
  object.getChildren('Property').find((property) => {
    const key = property.getChild('PropertyDefinition');
    return key !== null && textOf(file, key) === name;
  }) ?? null;

/** Where a case clause ends: after the last statement before the next label, or at the switch's end. */
const clauseEnd = (label: Node): number => {
  let end = label.to;
  let inBody = false;
  for (let item = label.nextSibling; item && item.name !== '}'; item = item.nextSibling) {
    if (isComment(item)) continue;
    if (isLabel(item) && inBody) break;
    inBody ||= !isLabel(item);
    end = item.to;
  }
  return end;
};

/** The statement a test such as `event.type === 'X'` decides, within `project`. */
const testedStatement = (literal: Node, project: Node): Node => {
  for (let node: Node | null = literal; node && node !== project; node = node.parent) {
    if (node.type.is('Statement')) return node;
  }
  return literal;
};

const isEqualityTest = (file: ParsedFile, literal: Node): boolean => {
  const operator =
    literal.parent?.name === 'BinaryExpression' && literal.parent.getChild('CompareOp');
  return !!operator && ['===', '=='].includes(textOf(file, operator));
};

// The lines that handle one event type, by the first of these that applies:
// 1. its case clause(s), label(s) through the end of the body they share;
// 2. else each statement that tests `event.type === 'X'` (a whole `if`, or a `const` it sets);
// 3. else, if the declaration names the type anywhere (say in `handles`), all of `project`: it runs
//    for that event without singling it out (Account balances treats a withdrawal this way).
const handlingLines = (file: ParsedFile, object: Node, project: Node, type: string): number[] => {
  const named = (root: Node) => descendants(root, (node) => isTextLiteral(file, node, type));
  const inProject = named(project);
  const labels = inProject.flatMap((node) =>
    node.parent?.name === 'CaseLabel' ? [node.parent] : [],
  );
  if (labels.length > 0) {
    return labels.flatMap((label) => linesBetween(file, label.from, clauseEnd(label)));
  }
  const tests = inProject.filter((node) => isEqualityTest(file, node));
  if (tests.length > 0) {
    return tests.flatMap((node) => {
      const statement = testedStatement(node, project);
      return linesBetween(file, statement.from, statement.to);
    });
  }
  return named(object).length > 0 ? linesBetween(file, project.from, project.to) : [];
};

/**
 * A top-level declaration (a projection object, or a function with a switch) with the code that
 * handles each of `eventTypes` marked: see `handlingLines`. Null if `constName` is not declared.
 * Cases are looked for in the object's `project` property, or anywhere in a function.
 */
export const caseClauses = (
  source: string,
  constName: string,
  eventTypes: readonly string[],
): Snippet | null => {
  const file = parse(source);
  const declaration = declarationsOf(file).get(constName);
  if (!declaration) return null;
  const object = declaration.value;
  const project = propertyNamed(file, object, 'project') ?? object;
  const marked = eventTypes.flatMap((type) => handlingLines(file, object, project, type));
  return snippetOf(file, declaration, marked);
};

/** The declaration with the code for one event type marked; null if it never names that type. */
export const caseClause = (
  source: string,
  projectionConstName: string,
  eventType: string,
): Snippet | null => {
  const snippet = caseClauses(source, projectionConstName, [eventType]);
  return snippet && snippet.marked.length > 0 ? snippet : null;
};
