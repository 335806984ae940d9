// A TypeScript file read with the Lezer parser that CodeMirror uses: its syntax tree, its lines, and
// the text its string literals stand for. What src/code/extract.ts finds pieces of code with.
import { parser } from '@lezer/javascript';

const typescript = parser.configure({ dialect: 'ts' });

export type Node = ReturnType<typeof typescript.parse>['topNode'];

export type ParsedFile = { source: string; top: Node; lineStarts: number[] };

/** Files already parsed: the app's few source files are asked for again and again. */
const parsed = new Map<string, ParsedFile>();

export const parse = (source: string): ParsedFile => {
  const known = parsed.get(source);
  if (known) return known;
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  const file = { source, top: typescript.parse(source).topNode, lineStarts };
  // Only whole files are kept (a literal parsed on its own is not worth keeping).
  if (source.length > 200) parsed.set(source, file);
  return file;
};

export const textOf = (file: ParsedFile, node: Node): string =>
  file.source.slice(node.from, node.to);

/** The 1-based line of an offset. */
export const lineOf = (file: ParsedFile, offset: number): number =>
  file.lineStarts.findLastIndex((start) => start <= offset) + 1;

export const linesBetween = (file: ParsedFile, from: number, to: number): number[] => {
  const [first, last] = [lineOf(file, from), lineOf(file, to)];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
};

/** Every node below `node` that `keep` accepts, in source order. */
export const descendants = (node: Node, keep: (candidate: Node) => boolean): Node[] => {
  const found: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (keep(child)) found.push(child);
    found.push(...descendants(child, keep));
  }
  return found;
};

export const isComment = (node: Node) =>
  node.name === 'LineComment' || node.name === 'BlockComment';
export const isLabel = (node: Node) => node.name === 'CaseLabel' || node.name === 'DefaultLabel';
export const isLiteral = (node: Node) => node.name === 'String' || node.name === 'TemplateString';
export const isFunction = (node: Node) =>
  ['ArrowFunction', 'FunctionExpression', 'FunctionDeclaration'].includes(node.name);

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
  '\n': '',
};

/** The character an escape such as `\n`, `\u{201C}` or `\$` stands for. */
const unescaped = (escape: string): string => {
  const body = escape.slice(1);
  if (body.length > 1 && (body.startsWith('u') || body.startsWith('x'))) {
    return String.fromCodePoint(parseInt(body.slice(1).replace(/[{}]/g, ''), 16));
  }
  return ESCAPES[body] ?? body;
};

/** The fixed text of a string or template literal, unescaped: a template's `${…}` split it. */
export const literalParts = (file: ParsedFile, literal: Node): string[] => {
  const parts: string[] = [];
  let part = '';
  let at = literal.from + 1; // after the opening quote or backtick
  for (let child = literal.firstChild; child; child = child.nextSibling) {
    part += file.source.slice(at, child.from);
    if (child.name === 'Escape') {
      part += unescaped(textOf(file, child));
    } else {
      parts.push(part);
      part = '';
    }
    at = child.to;
  }
  parts.push(part + file.source.slice(at, literal.to - 1));
  return parts;
};

export const isTextLiteral = (file: ParsedFile, node: Node, text: string): boolean => {
  if (!isLiteral(node)) return false;
  const parts = literalParts(file, node);
  return parts.length === 1 && parts[0] === text;
};
