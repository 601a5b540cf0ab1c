import { DomUtils, parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';

export type { Document, Element };

/** Parsed the way a browser's tokenizer splits tags, attributes and text, entities decoded. */
export function parseHtml(html: string): Document {
  return parseDocument(html);
}

export function allElements(root: Document | Element, name?: string): Element[] {
  return DomUtils.findAll((element) => name === undefined || element.name === name, root.children);
}

export function firstElement(root: Document | Element, name: string): Element {
  const found = DomUtils.findOne((element) => element.name === name, root.children);
  if (!found) throw new Error(`No <${name}> in the document`);
  return found;
}

export function textOf(node: Document | Element): string {
  return DomUtils.textContent(node).replace(/\s+/g, ' ');
}

/** The text of every heading of a level, in document order. */
export function headingTexts(root: Document | Element, level: 1 | 2 | 3): string[] {
  return allElements(root, `h${level}`).map((heading) => textOf(heading).trim());
}

/** `<meta>` content by name or property. */
export function metaContent(document: Document, key: string): string | undefined {
  const meta = allElements(document, 'meta').find((element) => element.attribs.name === key || element.attribs.property === key);
  return meta?.attribs.content;
}
