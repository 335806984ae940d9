// What the screen shows when a learner asks for the code that ran: the decider's function for a
// command (with the rule that refused it marked), or the projection code an event or a view row
// ran, each part titled and its marks explained in words.
import { commandCode, eventCode, viewCode, type Code } from './sources';

/** What to show the code of. */
export type CodeRequest =
  | { kind: 'command'; commandType: string; refusal?: string }
  | { kind: 'event'; eventType: string; commandType: string }
  | { kind: 'row'; view: string; eventTypes: readonly string[] };

/** A titled piece of code: where it is, what is marked and why, then the code. */
export type Part = { title: string; code: Code; marked: string };

export type Loaded = { parts: Part[]; note?: string };

const plural = (n: number, one: string) => `${String(n)} ${one}${n === 1 ? '' : 's'}`;

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
            note: 'None of the rules in this decider says this: the refusal came before the decider ran (the command’s fields are checked against its schema first) or after it (what it read had changed before its decision could be saved: a version conflict).',
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
            title: `Projected by ${entry.view}`,
            code: entry,
            marked: `Marked: the code that runs for ${request.eventType}.`,
          })),
        ],
        ...(views.length === 0 ? { note: `No read view handles ${request.eventType}.` } : {}),
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
                ? `Marked: the code for the ${plural(request.eventTypes.length, 'event type')} this row was built from that the page holds (${request.eventTypes.join(', ')}).`
                : 'None of the events that built this row are among those the page holds, so nothing is marked.',
          },
        ],
      };
    }
  }
};
