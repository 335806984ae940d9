// Log files bad in their form: the whole file, the header, the envelope, positions, versions, types.
import {
  VALID_LINES,
  withField,
  withLine,
  withMeta,
  withoutField,
  withoutMeta,
  type BadFile,
} from './logFileFixture';

export const BAD_FORM: BadFile[] = [
  // The whole file
  { name: 'an empty file', text: '', line: 0, reason: /the file is empty/ },
  { name: 'a file of whitespace only', text: '  \n\t\n \n', line: 0, reason: /the file is empty/ },
  // The header
  {
    name: 'a header that is not JSON',
    text: withLine(1, 'cqrs-lab-log version 1'),
    line: 1,
    reason: /the first line is not JSON/,
  },
  {
    name: 'a header that is a JSON array',
    text: withLine(1, '["cqrs-lab-log", 1]'),
    line: 1,
    reason: /expected object, received array/,
  },
  {
    name: 'a header of another format',
    text: withField(1, 'format', 'other-log'),
    line: 1,
    reason: /^format: this is not a CQRS Lab log/,
  },
  {
    name: 'a header of another version',
    text: withField(1, 'version', 2),
    line: 1,
    reason: /^version: this app reads log files of version 1/,
  },
  {
    name: 'a header announcing fewer events than the file holds',
    text: withField(1, 'events', 6),
    line: 1,
    reason: /announces 6 events but the file holds 7/,
  },
  {
    name: 'a file missing its last event line',
    text: VALID_LINES.slice(0, -2).join('\n'),
    line: 1,
    reason: /announces 7 events but the file holds 6/,
  },
  // A line that is not an event envelope
  {
    name: 'a line that is not JSON',
    text: withLine(3, '{"position": 2,'),
    line: 3,
    reason: /not valid JSON/,
  },
  { name: 'a blank line between events', text: withLine(3, ''), line: 3, reason: /not valid JSON/ },
  {
    name: 'a line that is a JSON array',
    text: withLine(3, '[2]'),
    line: 3,
    reason: /^Invalid input: expected object, received array$/,
  },
  {
    name: 'a line that is a JSON number',
    text: withLine(3, '2'),
    line: 3,
    reason: /^Invalid input: expected object, received number$/,
  },
  {
    name: 'a line that is JSON null',
    text: withLine(3, 'null'),
    line: 3,
    reason: /^Invalid input: expected object, received null$/,
  },
  // Missing fields
  {
    name: 'a missing position',
    text: withoutField(3, 'position'),
    line: 3,
    reason: /^position: /,
  },
  {
    name: 'a missing streamId',
    text: withoutField(3, 'streamId'),
    line: 3,
    reason: /^streamId: /,
  },
  { name: 'a missing version', text: withoutField(3, 'version'), line: 3, reason: /^version: / },
  { name: 'a missing type', text: withoutField(3, 'type'), line: 3, reason: /^type: / },
  {
    name: 'missing data',
    text: withoutField(3, 'data'),
    line: 3,
    reason: /^data: /,
  },
  { name: 'missing meta', text: withoutField(3, 'meta'), line: 3, reason: /^meta: / },
  {
    name: 'a missing meta.commandId',
    text: withoutMeta(3, 'commandId'),
    line: 3,
    reason: /^meta\.commandId: /,
  },
  {
    name: 'a missing meta.recordedAt',
    text: withoutMeta(3, 'recordedAt'),
    line: 3,
    reason: /^meta\.recordedAt: /,
  },
  {
    name: 'a meta.recordedAt that is not a date',
    text: withMeta(3, { recordedAt: 'yesterday' }),
    line: 3,
    reason: /^meta\.recordedAt: Invalid ISO datetime/,
  },
  {
    name: 'meta.schemaVersion 99',
    text: withMeta(3, { schemaVersion: 99 }),
    line: 3,
    reason: /^meta\.schemaVersion: Too big/,
  },
  {
    name: 'a schema version 2 event without its meta.commandType',
    text: withoutMeta(3, 'commandType'),
    line: 3,
    reason: /^meta\.commandType: required from schema version 2 on$/,
  },
  {
    name: 'a meta.commandType that is not a string',
    text: withMeta(3, { commandType: 7 }),
    line: 3,
    reason: /^meta\.commandType: /,
  },
  // Positions
  {
    name: 'a position that is a string',
    text: withField(4, 'position', '3'),
    line: 4,
    reason: /^position: .*expected number, received string$/,
  },
  {
    name: 'a position "NaN"',
    text: withField(4, 'position', 'NaN'),
    line: 4,
    reason: /^position: .*expected number, received string$/,
  },
  {
    name: 'position 0',
    text: withField(2, 'position', 0),
    line: 2,
    reason: /^position: Too small/,
  },
  {
    name: 'a negative position',
    text: withField(4, 'position', -3),
    line: 4,
    reason: /^position: Too small/,
  },
  {
    name: 'a fractional position',
    text: withField(4, 'position', 2.5),
    line: 4,
    reason: /^position: .*expected int/,
  },
  {
    name: 'a gap in the positions',
    text: withField(4, 'position', 4),
    line: 4,
    reason: /position 4 should be 3 \(no gaps\)/,
  },
  {
    name: 'a duplicate position',
    text: withField(4, 'position', 2),
    line: 4,
    reason: /position 2 should be 3/,
  },
  // Versions
  { name: 'version 0', text: withField(4, 'version', 0), line: 4, reason: /^version: Too small/ },
  {
    name: 'a skipped version',
    text: withField(4, 'version', 3),
    line: 4,
    reason: /version 3 of product-SKU-1 should be 2/,
  },
  {
    name: 'a repeated version',
    text: withField(4, 'version', 1),
    line: 4,
    reason: /version 1 of product-SKU-1 should be 2/,
  },
  {
    name: 'a first version that is not 1',
    text: withField(5, 'version', 2),
    line: 5,
    reason: /version 2 of account-ACC-1 should be 1/,
  },
  {
    name: 'a fractional version',
    text: withField(4, 'version', 1.5),
    line: 4,
    reason: /^version: .*expected int/,
  },
  // Types
  {
    name: 'an unknown type',
    text: withField(2, 'type', 'ProductDeleted'),
    line: 2,
    reason: /unknown event type "ProductDeleted"/,
  },
  {
    name: 'a type in the wrong case',
    text: withField(2, 'type', 'productAdded'),
    line: 2,
    reason: /unknown event type "productAdded"/,
  },
  {
    name: 'a type of an inherited property',
    text: withField(2, 'type', 'toString'),
    line: 2,
    reason: /unknown event type "toString"/,
  },
];
