// A learner projection's state: a table when it is a list of rows (plain objects), JSON otherwise.
const ROWS_SHOWN = 100;
const JSON_SHOWN = 20_000;

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const cell = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

export const StateView = ({ state, position }: { state: unknown; position: number }) => {
  const caption = `Its state after #${String(position)}`;
  if (Array.isArray(state) && state.length > 0 && state.every(isRow)) {
    const columns = [...new Set(state.flatMap((row) => Object.keys(row)))];
    const shown = state.slice(0, ROWS_SHOWN);
    return (
      <div className="learner-state">
        <table>
          <caption>
            {caption}: {state.length.toLocaleString('en-US')} rows
            {state.length > ROWS_SHOWN ? `, the first ${String(ROWS_SHOWN)} shown` : ''}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column}>{cell(row[column])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const json = JSON.stringify(state, null, 2);
  return (
    <figure className="learner-state">
      <figcaption>{caption}</figcaption>
      <pre tabIndex={0}>
        {json.length > JSON_SHOWN
          ? `${json.slice(0, JSON_SHOWN)}\n… ${(json.length - JSON_SHOWN).toLocaleString('en-US')} more characters`
          : json}
      </pre>
    </figure>
  );
};
