// One piece of the app's own source code, read-only: highlighted as the learner's editor is, with
// the file's own line numbers and the lines that matter (the rule that refused, the case that ran)
// marked. CodeMirror arrives with this module, which the page loads only when code is asked for.
import { javascript } from '@codemirror/lang-javascript';
import { syntaxHighlighting } from '@codemirror/language';
import { EditorState, RangeSetBuilder, Text } from '@codemirror/state';
import { Decoration, EditorView, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useRef } from 'react';
import type { Snippet } from '../../code/extract';

/** A line decoration on each marked line (1-based in the snippet). */
const marksOn = (doc: Text, marked: readonly number[]) => {
  const builder = new RangeSetBuilder<Decoration>();
  for (const line of marked)
    if (line >= 1 && line <= doc.lines) {
      const { from } = doc.line(line);
      builder.add(from, from, Decoration.line({ class: 'cm-marked-line' }));
    }
  return builder.finish();
};

/** The marked lines as the file numbers them, runs joined: "lines 41–44 and 50", "line 26". */
const linesOf = (snippet: Snippet): string => {
  const lines = snippet.marked.map((line) => line + snippet.firstLine - 1);
  const runs: [number, number][] = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last?.[1] === line - 1) last[1] = line;
    else runs.push([line, line]);
  }
  const named = runs.map(([from, to]) =>
    from === to ? String(from) : `${String(from)}–${String(to)}`,
  );
  const last = named.pop() ?? '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${named.length > 0 ? `${named.join(', ')} and ${last}` : last}`;
};

const CodeListing = ({ snippet, label }: { snippet: Snippet; label: string }) => {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const doc = Text.of(snippet.code.split('\n'));
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc,
        extensions: [
          EditorState.readOnly.of(true),
          // A narrow column (the commands' on a wide screen, a phone) wraps rather than hides code.
          EditorView.lineWrapping,
          lineNumbers({ formatNumber: (n) => String(n + snippet.firstLine - 1) }),
          javascript({ typescript: true }),
          syntaxHighlighting(classHighlighter),
          EditorView.decorations.of(marksOn(doc, snippet.marked)),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
        ],
      }),
    });
    // The listing scrolls within its own height to its first marked line (the page stays put).
    const [first] = snippet.marked;
    if (first !== undefined)
      view.requestMeasure({
        read: () => view.lineBlockAt(doc.line(first).from).top,
        write: (top) => {
          view.scrollDOM.scrollTop = Math.max(0, top - 2 * view.defaultLineHeight);
        },
      });
    return () => view.destroy();
  }, [snippet, label]);
  return (
    <figure className="code-listing">
      <div className="code-editor" ref={host} />
      {snippet.marked.length > 0 && (
        <figcaption className="muted">
          Marked in {snippet.name}: {linesOf(snippet)}.
        </figcaption>
      )}
    </figure>
  );
};

export default CodeListing;
