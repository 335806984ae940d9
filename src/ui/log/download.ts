/** Hands `text` to the browser as a file called `name` (the log's export). */
export const download = (text: string, name: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** The file name of a log exported now. */
export const exportName = (): string =>
  `cqrs-lab-log-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.ndjson`;
