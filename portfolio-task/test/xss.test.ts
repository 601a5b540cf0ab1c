import type { Cv } from '@r2w/cv-schema';
import { fullCv } from './support/full-cv';
import { renderSite, TEMPLATES } from '../src';
import { allElements, firstElement, parseHtml, textOf, type Document } from './support/html';

const TEXT_PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", '<svg onload=alert(1)>', '</textarea></style><iframe src=//evil.example>'];
const URL_PAYLOADS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'vbscript:msgbox(1)',
];
const URL_FIELDS = /url$|profile$/i;
const NAME_PAYLOAD = '</script><script>alert(1)</script>';

/** The full CV with every string replaced by an attack: script URLs in address fields, markup everywhere else. */
function hostileCv(): Cv {
  let counter = 0;
  const poison = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      counter += 1;
      // Ids stay unique (the editor's keys) while still carrying markup.
      if (key === 'id') return `${TEXT_PAYLOADS[0]}${counter}`;
      const payloads = URL_FIELDS.test(key) ? URL_PAYLOADS : TEXT_PAYLOADS;
      return payloads[counter % payloads.length];
    }
    if (Array.isArray(value)) return value.map((entry) => poison(entry, key));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([entryKey, entry]) => [entryKey, poison(entry, entryKey)]));
    }
    return value;
  };
  const cv = poison(fullCv(), '') as Cv;
  cv.hero.fullName = NAME_PAYLOAD;
  cv.contact.email = '"><img src=x onerror=alert(1)>@example.com';
  return cv;
}

const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:|#)/;

function expectInert(document: Document) {
  for (const element of allElements(document)) {
    for (const [name, value] of Object.entries(element.attribs)) {
      expect(name).not.toMatch(/^on/i);
      expect(name).not.toBe('style');
      expect(value.replace(/[\s\u0000-\u001f]/g, '')).not.toMatch(/javascript:|vbscript:|data:/i);
    }
  }
  for (const link of allElements(document, 'a')) expect(link.attribs.href ?? '').toMatch(SAFE_HREF);
  for (const image of allElements(document, 'img')) expect(image.attribs.src ?? '').toMatch(/^https?:\/\//);
  for (const tag of ['iframe', 'svg', 'object', 'embed', 'form', 'textarea', 'base']) expect(allElements(document, tag)).toEqual([]);
}

describe.each(TEMPLATES.map((template) => template.id))('a hostile CV in the %s template', (templateId) => {
  const site = renderSite(hostileCv(), {
    templateId,
    settings: { siteUrl: 'https://dana.example.com', accentColor: 'red;}</style><script>alert(1)</script>', language: '"><script>alert(1)</script>' },
  });
  const home = site.files.find((file) => file.path === 'index.html')!.body;
  const document = parseHtml(home);

  it('has no script but the JSON-LD, which reads back the very strings the CV holds', () => {
    const scripts = allElements(document, 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.attribs.type).toBe('application/ld+json');
    const raw = textOf(scripts[0]!);
    expect(raw).not.toMatch(/<\/?script/i);
    const person = JSON.parse(raw) as Record<string, unknown>;
    expect(person.name).toBe(NAME_PAYLOAD);
    expect(person.sameAs).toBeUndefined();
    expect(person.email).toBeUndefined();
  });

  it('has no event handler, style attribute or script URL anywhere, and links only to web, mail or phone', () => {
    expectInert(document);
  });

  it('shows the payloads as text, escaped in the markup', () => {
    const body = firstElement(document, 'body');
    expect(textOf(body)).toContain(NAME_PAYLOAD);
    expect(textOf(body)).toContain('<script>alert(1)</script>');
    expect(textOf(body)).toContain('"><img src=x onerror=alert(1)>');
    expect(home).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(allElements(document, 'img').filter((image) => image.attribs.src === 'x')).toEqual([]);
  });

  it('ignores hostile settings', () => {
    expect(firstElement(document, 'html').attribs.lang).toBe('en');
    expect(home).not.toContain('red;}');
    expect(allElements(document, 'style')).toHaveLength(1);
  });

  it('keeps the other files inert too', () => {
    const notFound = parseHtml(site.files.find((file) => file.path === '404.html')!.body);
    expect(allElements(notFound, 'script')).toEqual([]);
    expectInert(notFound);
    const favicon = site.files.find((file) => file.path === 'favicon.svg')!.body;
    expect(favicon).toMatch(/<text[^>]*>\p{L}*<\/text>/u);
    expect(favicon).not.toContain('<script');
  });
});
