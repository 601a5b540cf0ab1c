/**
 * Puts a new page into a document that is showing, in place: the frame is not reloaded, so
 * its scroll position stays where the person left it (a new `srcdoc` would start at the top).
 */
export function replaceDocument(doc: Document, html: string): void {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  for (const name of next.documentElement.getAttributeNames()) root.setAttribute(name, next.documentElement.getAttribute(name)!);
  doc.head.replaceWith(doc.importNode(next.head, true));
  doc.body.replaceWith(doc.importNode(next.body, true));
}
