/** Hands the browser a file to save, named `filename`. */
export function saveFile(contents: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the file after click() returns, so the URL lives a
  // second longer. The revoke is taken now: by then a page (or a test) may
  // have swapped URL.
  const revoke = URL.revokeObjectURL.bind(URL);
  setTimeout(() => revoke(url), 1000);
}
