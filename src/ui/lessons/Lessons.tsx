import { spaceOfChoice, useForks } from '../../state/forks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { CATALOGUE } from '../../lessons/chapters/catalogue';
import { hashOf, parseHash } from '../../lessons/route';
import type { ChapterInfo } from '../../lessons/types';
import { markStarted, useLessonProgress } from '../../state/lessons';
import { SharedSessionView } from './SharedSessionView';
import { ChapterHeading } from './ChapterHeading';
import { CourseMap } from './CourseMap';
import { useHash } from './useHash';
import { useRuntime } from '../runtimeContext';

const ChapterList = ({ current }: { current: ChapterInfo | null }) => {
  const done = useLessonProgress((s) => s.done);
  return (
    <ol className="chapter-list" aria-label="Chapters">
      {CATALOGUE.map((chapter) => (
        <li key={chapter.id} value={chapter.number}>
          <a
            href={hashOf(chapter)}
            aria-current={chapter.id === current?.id ? 'page' : undefined}
            className={done.includes(chapter.id) ? 'chapter-done' : undefined}
          >
            {chapter.title}
            {done.includes(chapter.id) && <span className="visually-hidden"> (done)</span>}
          </a>
        </li>
      ))}
    </ol>
  );
};

/** The open chapter's text and controls: loaded when a chapter is first opened. */
const OpenChapter = lazy(() => import('./OpenChapter'));

/** Shown while the chapter loads: its heading and goal, known from the catalogue. */
const ChapterLoading = ({ chapter }: { chapter: ChapterInfo }) => (
  <article className="chapter" aria-labelledby={`chapter-${chapter.id}`}>
    <div className="chapter-text">
      <ChapterHeading chapter={chapter} />
      <p className="muted" role="status">
        Loading the chapter…
      </p>
    </div>
  </article>
);

/** The guided lessons: a list of chapters, and the open chapter (named by the URL hash). */
export const Lessons = () => {
  const hash = useHash();
  const route = parseHash(hash);
  const current = route.kind === 'chapter' ? route.chapter : null;
  /** Reset chapter starts it again: a new attempt mounts it afresh and sets its scenario up. */
  const [attempt, setAttempt] = useState(0);

  // A chapter runs on the lessons' own stores; leaving it finds the sandbox as it was left.
  const runtime = useRuntime();
  const inChapter = current !== null;
  // Outside a chapter, the sandbox runs on the log chosen last: Main or one of the forks.
  const choice = useForks((s) => s.choice);
  useEffect(() => {
    // A failure to start is shown by the supervisor, with a button to try again.
    runtime?.enter(inChapter ? 'lesson' : spaceOfChoice(choice)).catch(() => undefined);
  }, [runtime, inChapter, choice]);

  useEffect(() => {
    if (current) {
      document.title = `${current.title} · CQRS Lab`;
      markStarted(current.id);
    } else document.title = 'CQRS Lab';
  }, [current]);

  return (
    <section aria-label="Lessons" className={`panel lessons${current ? ' lessons-open' : ''}`}>
      <h2>Lessons</h2>
      {route.kind === 'unknown' && <p role="alert">{route.message}</p>}
      {route.kind === 'share' && <SharedSessionView hash={hash} />}
      {route.kind !== 'chapter' && (
        <p className="explain">
          Guided chapters: each one sets up a scenario, asks you to predict what happens, and checks
          that you saw it. Or use the sandbox below freely.
        </p>
      )}
      {current ? (
        <>
          <ChapterList current={current} />
          <Suspense fallback={<ChapterLoading chapter={current} />}>
            <OpenChapter
              key={`${current.id}-${String(attempt)}`}
              id={current.id}
              onReset={() => setAttempt((n) => n + 1)}
            />
          </Suspense>
        </>
      ) : (
        <CourseMap />
      )}
    </section>
  );
};
