// Chapter 11's "more code": which source files each design needs, and how their lines are counted.

/** Lines that hold code: not blank, not only a comment. */
export const codeLines = (source: string): number =>
  source.split('\n').filter((line) => {
    const text = line.trim();
    return text !== '' && !text.startsWith('//') && !text.startsWith('*') && !text.startsWith('/*');
  }).length;

export type CodePart = 'shared rules' | 'split only' | 'single model only';

/** Which part a source file (path relative to src/) belongs to, or null if it is neither. */
export const partOf = (path: string): CodePart | null => {
  if (/\.test\.tsx?$/.test(path)) return null;
  if (/^domain\/shop\/.*\.projection\.ts$/.test(path)) return 'split only';
  if (/^domain\/(projection|views)\.ts$/.test(path)) return 'split only';
  if (/^domain\/(shop\/|lab\.ts|types\.ts|money\.ts|schemas\.ts|validation\.ts)/.test(path))
    return 'shared rules';
  // The lab's bus is a teaching simulator (steps, faults, step back); a real system would use a
  // broker or a poller instead, so it is not counted.
  // Nor are the lab's own harnesses: telling other tabs, letting go on an upgrade, and running the
  // two designs side by side.
  if (/^(eventstore\/(logChannel|upgrade)|singlemodel\/compare)\.ts$/.test(path)) return null;
  if (/^(eventstore|readstore)\//.test(path)) return 'split only';
  if (/^(writemodel\/writeModel|projection\/projectionHost)\.ts$/.test(path)) return 'split only';
  if (path.startsWith('singlemodel/')) return 'single model only';
  return null;
};

/** Lines of code per part, from the source of each file. */
export const sizeByPart = (files: Readonly<Record<string, string>>): Record<CodePart, number> => {
  const size: Record<CodePart, number> = {
    'shared rules': 0,
    'split only': 0,
    'single model only': 0,
  };
  for (const [path, source] of Object.entries(files)) {
    const part = partOf(path);
    if (part) size[part] += codeLines(source);
  }
  return size;
};
