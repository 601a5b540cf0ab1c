import { DomUtils, parseDocument } from 'htmlparser2';

// What makes a page run code: script elements (JSON-LD aside), event-handler attributes,
// script URLs, frames and plug-ins, a <base> that redirects relative links. Returns every
// such finding in the page; an empty list means the page is inert.

const SCRIPT_URL = /^(?:javascript|vbscript|livescript):/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'background', 'lowsrc', 'dynsrc', 'ping']);
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'form', 'portal']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);/i;

export function scriptFindings(html: string): string[] {
  const document = parseDocument(html, { lowerCaseAttributeNames: true, lowerCaseTags: true });
  const findings: string[] = [];
  for (const element of DomUtils.findAll(() => true, document.children)) {
    const tag = element.name;
    if (tag === 'script') {
      const text = DomUtils.textContent(element);
      if ((element.attribs.type ?? '').toLowerCase() !== 'application/ld+json') findings.push(`<script type="${element.attribs.type ?? ''}">${text.slice(0, 80)}`);
      else if (/<\/script/i.test(text)) findings.push('JSON-LD holds a </script');
      else if (element.attribs.src !== undefined) findings.push(`JSON-LD with src=${element.attribs.src}`);
    }
    if (FORBIDDEN_ELEMENTS.has(tag)) findings.push(`<${tag}>`);
    if (tag === 'meta' && /refresh/i.test(element.attribs['http-equiv'] ?? '')) findings.push('<meta http-equiv=refresh>');
    if (tag === 'style' && /<script|expression\s*\(|javascript:|@import/i.test(DomUtils.textContent(element))) findings.push(`<style> with ${DomUtils.textContent(element).slice(0, 80)}`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) findings.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      const compact = value.replace(/[\s\u0000-\u001f]+/g, '');
      if (SCRIPT_URL.test(compact)) findings.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      if (URL_ATTRIBUTES.has(name) && /^data:/i.test(compact) && !(tag === 'img' && name === 'src' && SAFE_DATA_IMAGE.test(compact))) findings.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      if (name === 'style' && /expression\s*\(|javascript:|url\s*\(\s*['"]?\s*javascript:/i.test(value)) findings.push(`<${tag} style="${value.slice(0, 60)}">`);
    }
  }
  return findings;
}

/** The text a reader sees in the page's body. */
export function bodyText(html: string): string {
  const document = parseDocument(html);
  const body = DomUtils.findOne((e) => e.name === 'body', document.children);
  return body ? DomUtils.textContent(body) : '';
}
