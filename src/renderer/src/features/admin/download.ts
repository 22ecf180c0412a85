/**
 * Saves text as a file from the renderer: a Blob behind an object URL, clicked through an <a download>.
 * The CSP does not govern downloads (only fetches and embedded content), so `blob:` needs no exception;
 * Electron shows its save dialog (will-download), a browser saves to its downloads folder.
 */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference by now; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
