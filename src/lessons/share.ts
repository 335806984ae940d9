// A share link carries a small sandbox session in the URL hash: the domain, the delays and the
// commands that were accepted, in order. The same seed replays them alike. Like any input, a link
// is checked before it is used, and a session too large for a link is said to be so.
import { z } from 'zod';
import { DEFAULT_BUS_SETTINGS } from '../bus/defaults';
import { labCommandSchema, type CommandInput } from '../domain/lab';

export const SHARE_PREFIX = '#/share/';
/** Links longer than this break in some browsers, chat apps and mail clients. */
export const MAX_SHARE_CHARS = 8_000;
export const MAX_SHARED_COMMANDS = 500;
/** The learner's projection code a link may carry (issue 21): a few dozen lines. */
export const MAX_SHARED_CODE = 4_000;

export type SharedSession = {
  domain: 'shop' | 'bank';
  delays: Record<string, number>;
  commands: CommandInput[];
  /** The learner's own projection, if they share one (see Your projection). */
  projection?: string;
};

const ENDPOINTS = Object.keys(DEFAULT_BUS_SETTINGS);
const sessionSchema = z.object({
  v: z.literal(1, { error: 'it was made by another version of this app' }),
  domain: z.enum(['shop', 'bank'], { error: 'its domain is neither the shop nor the bank' }),
  delays: z
    .record(
      z.string().max(40),
      z
        .number({ error: 'a delay must be a number' })
        .int('a delay must be a whole number of ms')
        .min(0, 'a delay cannot be negative')
        .max(60_000, 'a delay is at most 60,000 ms'),
    )
    .refine(
      (delays) => Object.keys(delays).every((endpoint) => ENDPOINTS.includes(endpoint)),
      'it sets a delay for an unknown part',
    ),
  commands: z
    .array(z.unknown())
    .max(MAX_SHARED_COMMANDS, `it holds more than ${String(MAX_SHARED_COMMANDS)} commands`),
  projection: z
    .string({ error: 'its projection code is not text' })
    .max(
      MAX_SHARED_CODE,
      `its projection code is longer than ${MAX_SHARED_CODE.toLocaleString('en-US')} characters`,
    )
    .optional(),
});

const META = { commandId: 'shared', issuedAt: '2026-01-01T00:00:00.000Z' };

const toBase64Url = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (data: string): string => {
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  );
};

/** The hash of a link to this session. */
export const shareHashOf = (session: SharedSession): string =>
  `${SHARE_PREFIX}${toBase64Url(JSON.stringify({ v: 1, ...session }))}`;

export type SharedRead = { ok: true; session: SharedSession } | { ok: false; reason: string };

/** Reads the part of a share link after its prefix; says what is wrong with a bad one. */
export const readShared = (data: string): SharedRead => {
  if (data.length > MAX_SHARE_CHARS * 2) return { ok: false, reason: 'it is far too long' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(data));
  } catch {
    return { ok: false, reason: 'it is damaged or incomplete (was it cut short when copied?)' };
  }
  const session = sessionSchema.safeParse(parsed);
  if (!session.success)
    return { ok: false, reason: session.error.issues[0]?.message ?? 'it is not a session' };
  const commands: CommandInput[] = [];
  for (const [i, raw] of session.data.commands.entries()) {
    const command = labCommandSchema.safeParse({ ...(raw as object), meta: META });
    if (!command.success)
      return {
        ok: false,
        reason: `its command ${String(i + 1)} is not valid: ${command.error.issues[0]?.message ?? 'unknown'}`,
      };
    commands.push({ type: command.data.type, data: command.data.data } as CommandInput);
  }
  const { domain, delays, projection } = session.data;
  return {
    ok: true,
    session: { domain, delays, commands, ...(projection === undefined ? {} : { projection }) },
  };
};
