// The URL hash names what is open: the free sandbox, or a chapter (#/lessons/<id>), so a chapter
// can be shared and reloaded. The hash is input like any other: it is checked before it is used.
import { z } from 'zod';
import { infoById } from './chapters/catalogue';
import { readShared, SHARE_PREFIX, type SharedSession } from './share';
import type { ChapterInfo } from './types';

export type Route =
  | { kind: 'sandbox' }
  | { kind: 'chapter'; chapter: ChapterInfo }
  | { kind: 'share'; session: SharedSession }
  | { kind: 'unknown'; message: string };

const PREFIX = '#/lessons/';
const chapterId = z
  .string()
  .max(60, 'is too long to be a chapter name')
  .regex(/^[a-z0-9-]+$/, 'is not a chapter name (lower-case letters, digits and dashes)');

export const parseHash = (hash: string): Route => {
  if (hash === '' || hash === '#' || hash === '#/') return { kind: 'sandbox' };
  if (hash.startsWith(SHARE_PREFIX)) {
    const read = readShared(hash.slice(SHARE_PREFIX.length));
    return read.ok
      ? { kind: 'share', session: read.session }
      : { kind: 'unknown', message: `This share link cannot be used: ${read.reason}.` };
  }
  if (!hash.startsWith(PREFIX))
    return { kind: 'unknown', message: 'This link does not name a lesson. Pick a chapter below.' };
  const raw = hash.slice(PREFIX.length);
  const id = chapterId.safeParse(raw);
  if (!id.success)
    return {
      kind: 'unknown',
      message: `The chapter in this link ${id.error.issues[0]?.message ?? 'is not valid'}. Pick a chapter below.`,
    };
  const chapter = infoById(id.data);
  return chapter
    ? { kind: 'chapter', chapter }
    : { kind: 'unknown', message: `There is no chapter called “${id.data}”. Pick one below.` };
};

export const hashOf = (chapter: Pick<ChapterInfo, 'id'> | null): string =>
  chapter ? `${PREFIX}${chapter.id}` : '#/';
