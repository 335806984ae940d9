// The app's own code for what the learner selected (see code/codeFor.ts), in read-only listings.
// The sources and CodeMirror load only when a learner opens this, so the first screen does not
// carry them.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { CodeRequest, Loaded } from '../../code/codeFor';

const CodeListing = lazy(() => import('./CodeListing'));

/** A region with the code for `request`, each function in its own read-only listing. */
export const CodeThatRan = ({ request }: { request: CodeRequest }) => {
  const key = JSON.stringify(request);
  // What was loaded, for which request: a new request shows "Loading" until its own code is in.
  const [result, setResult] = useState<{ key: string; loaded: Loaded | { failed: string } }>();
  useEffect(() => {
    let current = true;
    import('../../code/codeFor')
      .then(({ codeFor }) => codeFor(JSON.parse(key) as CodeRequest))
      .then(
        (loaded) => current && setResult({ key, loaded }),
        (error: unknown) => current && setResult({ key, loaded: { failed: String(error) } }),
      );
    return () => {
      current = false;
    };
  }, [key]);
  const loaded = result?.key === key ? result.loaded : null;
  const loading = <p className="muted">Loading the code…</p>;
  if (!loaded) return loading;
  if ('failed' in loaded)
    return <p role="alert">The code could not be loaded ({loaded.failed}). Reload to try again.</p>;
  return (
    <div className="code-that-ran" role="group" aria-label="Code that ran">
      {loaded.parts.map((part) => (
        <div key={`${part.title} ${part.code.file}`}>
          <h4>{part.title}</h4>
          <p className="muted">
            From <code>{part.code.file}</code>, the app’s own code (read-only). {part.marked}
          </p>
          <Suspense fallback={loading}>
            {part.code.snippets.map((snippet) => (
              <CodeListing
                key={`${snippet.name}:${String(snippet.firstLine)}`}
                snippet={snippet}
                label={`${snippet.name} in ${part.code.file}`}
              />
            ))}
          </Suspense>
        </div>
      ))}
      {loaded.note && <p className="explain">{loaded.note}</p>}
    </div>
  );
};
