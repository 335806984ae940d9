// The map of the course: the chapters grouped by topic, each with its goal and how far the learner
// got, and Continue to the first one not done.
import { CHAPTER_TOPICS } from '../../lessons/chapters/catalogue';
import { chapterState, firstUnfinished } from '../../lessons/progress';
import { hashOf } from '../../lessons/route';
import { useLessonProgress } from '../../state/lessons';

export const CourseMap = () => {
  const { done, started } = useLessonProgress();
  const next = firstUnfinished(done);
  return (
    <nav aria-label="Course map" className="course-map">
      {next ? (
        <p className="course-continue">
          <button
            type="button"
            aria-describedby="course-next"
            onClick={() => {
              location.hash = hashOf(next);
            }}
          >
            Continue
          </button>{' '}
          <span id="course-next">
            {done.length === 0 ? 'Start with' : 'Next'}: {next.number}. {next.title}
          </span>
        </p>
      ) : (
        <p className="course-continue">Every chapter is done. Open any of them to try it again.</p>
      )}
      <div className="course-topics">
        {CHAPTER_TOPICS.map((topic) => (
          <section key={topic.title} aria-label={topic.title} className="course-topic">
            <h3>{topic.title}</h3>
            <ol>
              {topic.chapters.map((chapter) => {
                const state = chapterState(chapter.id, done, started);
                return (
                  <li key={chapter.id} value={chapter.number}>
                    <a href={hashOf(chapter)}>{chapter.title}</a>{' '}
                    <span className={`chapter-state chapter-state-${state.replace(' ', '-')}`}>
                      {state}
                    </span>
                    <p className="explain">{chapter.goal}</p>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </nav>
  );
};
