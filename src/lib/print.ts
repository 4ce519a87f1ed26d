/**
 * Prints the page's `.print-document` alone, on A4 (see the print stylesheet): the page is marked
 * for it, and the mark taken off once the browser has printed.
 */
export function printDocument(): void {
  document.body.dataset.print = 'document';
  window.addEventListener('afterprint', () => delete document.body.dataset.print, { once: true });
  window.print();
}
