// An open chapter: its story, the prediction, the task and its workbench, the check that marks it
// done, and the takeaway. Loaded when a chapter is first opened (the chapters' text and scenarios
// are not needed before), by Lessons.tsx.
import { lazy, Suspense, useCallback, useState } from 'react';
import { CHAPTERS, chapterById } from '../../lessons/chapters';
import { hashOf } from '../../lessons/route';
import type { Chapter, Prediction as PredictionSpec } from '../../lessons/types';
import { showWholeLab, useSettings } from '../../state/settings';
import { ChoiceForm } from './ChoiceForm';
import { ShowMeHow } from './ShowMeHow';
import { useChapterRun, type ChapterRun } from './useChapterRun';
import { useHighlight } from './useHighlight';
import { ChapterHeading } from './ChapterHeading';

const Prediction = ({
  prediction,
  revealed,
  locked,
  onLock,
}: {
  prediction: PredictionSpec;
  revealed: boolean;
  locked: boolean;
  onLock: () => void;
}) => {
  const [chosen, setChosen] = useState<number | null>(null);
  const right = chosen === prediction.answer;
  return (
    <ChoiceForm
      label="Prediction"
      legend={`Predict: ${prediction.question}`}
      choices={prediction.choices}
      chosen={chosen}
      onChoose={setChosen}
      submitLabel="Lock in my prediction"
      onSubmit={onLock}
      disabled={locked}
    >
      {locked && !revealed && (
        <p role="status" className="feedback feedback-waiting">
          You predicted: {prediction.choices[chosen ?? 0]}. Now see what happens:{' '}
          {prediction.howToSee}
        </p>
      )}
      {locked && revealed && (
        <p role="status" className={`feedback ${right ? 'feedback-ok' : 'feedback-refused'}`}>
          {right
            ? 'Right: '
            : `Not quite: the answer is “${prediction.choices[prediction.answer] ?? ''}”. `}
          {prediction.because}
        </p>
      )}
    </ChoiceForm>
  );
};

/** The chapter's own controls, loaded when first needed. */
const Workbench = lazy(() => import('./Workbench'));

const describeRun = (run: ChapterRun, chapter: Chapter, locked: boolean): string => {
  switch (run.phase) {
    case 'loading':
      return 'Setting up the scenario…';
    case 'failed':
      return run.message;
    case 'ready':
      if (!locked) return 'Set up. Predict first: lock in a choice, and your task appears.';
      return run.done
        ? `Chapter done ✓ ${chapter.check.describe}.`
        : `Not done yet. Done when: ${chapter.check.describe}.`;
  }
};

/** What to keep from a chapter, shown once it is done, and where to go next. */
const Takeaway = ({ chapter, next }: { chapter: Chapter; next: Chapter | undefined }) => (
  <section className="takeaway" aria-label="Takeaway">
    <h4>Takeaway</h4>
    <p>{chapter.takeaway.text}</p>
    <p>
      <strong>In production:</strong> {chapter.takeaway.inProduction}
    </p>
    <p className="takeaway-next">
      {next ? (
        <a className="button-link" href={hashOf(next)}>
          Next chapter: {next.number}. {next.title} →
        </a>
      ) : (
        <>
          That was the last chapter. <a href={hashOf(null)}>Back to the sandbox</a> to see the
          course map.
        </>
      )}
    </p>
  </section>
);

/** Shows every part of the lab beside the chapter, or only the parts the chapter uses. */
const WholeLabToggle = () => {
  const whole = useSettings((s) => s.wholeLab);
  return (
    <button
      type="button"
      className="small secondary"
      aria-pressed={whole}
      title={
        whole
          ? 'Show only the parts of the lab this chapter uses'
          : 'Show every part of the lab, not only the ones this chapter uses'
      }
      onClick={() => showWholeLab(!whole)}
    >
      Show the whole lab
    </button>
  );
};

const ChapterView = ({ chapter, onReset }: { chapter: Chapter; onReset: () => void }) => {
  // The task, and the check that watches it, wait until a prediction is locked in.
  const [locked, setLocked] = useState(false);
  const run = useChapterRun(chapter, locked);
  /** The task appears once a prediction is locked in: it is brought into view (in its column). */
  const showTask = useCallback((task: HTMLParagraphElement | null) => {
    task?.scrollIntoView({ block: 'center' });
  }, []);
  const ready = run.phase === 'ready';
  useHighlight(ready && locked ? chapter.highlight : []);
  const index = CHAPTERS.indexOf(chapter);
  const previous = CHAPTERS[index - 1];
  const next = CHAPTERS[index + 1];
  return (
    <article className="chapter" aria-labelledby={`chapter-${chapter.id}`}>
      <div className="chapter-text">
        <ChapterHeading chapter={chapter} />
        {chapter.text.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      <div className="chapter-work">
        <p
          role={run.phase === 'failed' ? 'alert' : 'status'}
          aria-label="Chapter progress"
          className={`chapter-status ${ready && run.done ? 'chapter-status-done' : ''}`}
        >
          {describeRun(run, chapter, locked)}
        </p>
        {ready && (
          <Prediction
            key={chapter.id}
            prediction={chapter.prediction}
            revealed={run.revealed}
            locked={locked}
            onLock={() => setLocked(true)}
          />
        )}
        {ready && locked && (
          <p className="task" ref={showTask}>
            <strong>Your task:</strong> {chapter.task}
          </p>
        )}
        {ready && locked && <ShowMeHow steps={chapter.demo} />}
        {ready && locked && chapter.workbench && (
          <Suspense fallback={<p className="muted">Loading the chapter’s workbench…</p>}>
            <Workbench kind={chapter.workbench} />
          </Suspense>
        )}
        {ready && run.done && <Takeaway chapter={chapter} next={next} />}
        <nav aria-label="Chapter navigation" className="chapter-nav">
          <button
            type="button"
            className="small secondary"
            disabled={run.phase === 'loading'}
            title="Set the chapter up again from its start, and predict again"
            onClick={onReset}
          >
            Reset chapter
          </button>
          {previous && <a href={hashOf(previous)}>← Previous: {previous.title}</a>}
          {next && <a href={hashOf(next)}>Next: {next.title} →</a>}
          <a href={hashOf(null)}>Back to the sandbox</a>
          <WholeLabToggle />
        </nav>
      </div>
    </article>
  );
};

/** The chapter `id` names (one the catalogue holds: the route checked it). */
const OpenChapter = ({ id, onReset }: { id: string; onReset: () => void }) => {
  const chapter = chapterById(id);
  if (!chapter) return <p role="alert">There is no chapter called “{id}”.</p>;
  return <ChapterView chapter={chapter} onReset={onReset} />;
};

export default OpenChapter;
