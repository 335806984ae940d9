/** What went wrong on a chapter's bench, said at once to screen readers too; nothing when all is well. */
export const BenchFailure = ({ failed }: { failed: string | null }) =>
  failed ? (
    <p role="alert" className="feedback feedback-refused">
      {failed}
    </p>
  ) : null;
