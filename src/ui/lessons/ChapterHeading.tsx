// A chapter's heading and goal: shown while the chapter loads and above its story once it has.
import type { ChapterInfo } from '../../lessons/types';

export const ChapterHeading = ({ chapter }: { chapter: ChapterInfo }) => (
  <>
    <h3 id={`chapter-${chapter.id}`}>
      Chapter {chapter.number}: {chapter.title}
    </h3>
    <p className="goal">
      <strong>Goal:</strong> {chapter.goal}
    </p>
  </>
);
