// What the screen shows when a learner asks for the code that ran: the decider's function for a
// command (with the rule that refused it marked), or the projection code an event or a view row
// ran, each part titled and its marks explained in words.
import { RECENT_EVENTS } from '../state/log';
import { commandCode, eventCode, viewCode, type Code } from './sources';

/** What to show the code of. */
export type CodeRequest =
  | { kind: 'command'; commandType: string; refusal?: string }
  | { kind: 'event'; eventType: string; commandType: string }
  | { kind: 'row'; view: string; eventTypes: readonly string[] };

/** A titled piece of code: where it is, what is marked and why, then the code. */
export type Part = { title: string; code: Code; marked: string };

export type Loaded = { parts: Part[]; note?: string };

/** "A", "A and B", "A, B and C". */
const listed = (items: readonly string[]): string =>
  items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${String(items.at(-1))}`;

/** The code to show for `request`, each part titled and its marks explained. */
export const codeFor = (request: CodeRequest): Loaded => {
  switch (request.kind) {
    case 'command': {
      const code = commandCode(request.commandType, request.refusal);
      if (!code)
        return { parts: [], note: `The lab has no decider code for ${request.commandType}.` };
      if (request.refusal === undefined)
        return {
          parts: [{ title: `The code that decided ${request.commandType}`, code, marked: '' }],
        };
      return code.matched
        ? {
            parts: [
              {
                title: `The rule that refused ${request.commandType}`,
                code,
                marked: 'Marked: the rule, and each call on the way to it.',
              },
            ],
          }
        : {
            parts: [{ title: `The code that decided ${request.commandType}`, code, marked: '' }],
            note: 'No rule in this decider says this: the version check refused it (optimistic concurrency). A stream it read had changed since, so nothing decided on the older state was saved.',
          };
    }
    case 'event': {
      const { views, commands } = eventCode(request.eventType);
      const decided = commands.filter((entry) => entry.command === request.commandType);
      return {
        parts: [
          ...decided.map((entry) => ({
            title: `Decided by ${entry.command}`,
            code: entry,
            marked: `Marked: where it decides ${request.eventType}.`,
          })),
          ...views.map((entry) => ({
            title: `The ${entry.view} projection`,
            code: entry,
            marked: `Marked: the code it runs for ${request.eventType} when its view applies it (a view that is behind has not run it yet).`,
          })),
        ],
        ...(views.length === 0 || decided.length === 0
          ? {
              note: [
                decided.length === 0
                  ? `The code of the ${request.commandType} decider does not name ${request.eventType}, so no decider code is shown.`
                  : '',
                views.length === 0
                  ? `No projection has code for ${request.eventType}: no view changes with it.`
                  : '',
              ]
                .filter(Boolean)
                .join(' '),
            }
          : {}),
      };
    }
    case 'row': {
      const code = viewCode(request.view, request.eventTypes);
      if (!code) return { parts: [], note: `The lab has no projection called ${request.view}.` };
      return {
        parts: [
          {
            title: `Built by the ${request.view} projection`,
            code,
            marked:
              request.eventTypes.length > 0
                ? `Marked: the code for ${listed(request.eventTypes)}: the types of the events that built this row, among the newest ${RECENT_EVENTS.toLocaleString('en-US')} events the page keeps.`
                : `None of the events that built this row is among the newest ${RECENT_EVENTS.toLocaleString('en-US')} the page keeps, so nothing is marked.`,
          },
        ],
      };
    }
  }
};
