/** Column headers for a row of figures, right-aligned like the figures under them. */
export const NumericHeaders = ({ headers }: { headers: readonly string[] }) =>
  headers.map((header) => (
    <th scope="col" className="num" key={header}>
      {header}
    </th>
  ));
