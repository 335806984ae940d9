// A code editor (CodeMirror 6) for a learner's projection: JavaScript highlighting, line numbers,
// undo, and the line an error came from marked. Tab is left to move the focus on, so the keyboard
// can always leave the editor; Ctrl+Enter (⌘+Enter) runs the code.
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useRef } from 'react';

const markLine = StateEffect.define<number | null>();

/** The marked line (an error's), cleared as soon as the code changes. */
const markedLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update: (marks, transaction) => {
    for (const effect of transaction.effects)
      if (effect.is(markLine)) {
        const line = effect.value;
        if (line === null || line < 1 || line > transaction.state.doc.lines) return Decoration.none;
        const { from } = transaction.state.doc.line(line);
        return Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(from)]);
      }
    return transaction.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const CodeEditor = ({
  label,
  value,
  onChange,
  onRun,
  errorLine,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  errorLine: number | null;
}) => {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, for the editor made once.
  const handlers = useRef({ onChange, onRun });
  useEffect(() => {
    handlers.current = { onChange, onRun };
  });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          bracketMatching(),
          javascript(),
          syntaxHighlighting(classHighlighter),
          markedLine,
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                handlers.current.onRun();
                return true;
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Made once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value set from outside (the example put back) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: markLine.of(errorLine) });
  }, [errorLine]);

  return <div className="code-editor" ref={host} />;
};
