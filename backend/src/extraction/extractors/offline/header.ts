import type { Contact, Hero } from '@r2w/cv-schema';
import { EMAIL, findPhone, findUrl, handleLink, linkOf, parseLocation, placeOnly } from './contact-fields';
import { fieldOfLabel } from './field-labels';
import { sectionOfHeading } from './heading-words';
import type { BodyStyle, Line } from './lines';
import { isAllCaps, isProse, labelled, splitParts, tidy, wordCount } from './text';

// The top of a CV (and a sidebar's contact block): who the person is and how to reach
// them. Contact facts are recognised by their form wherever they sit; the name is the most
// prominent early line that reads as a name, the title the short line after it.

export interface HeaderResult {
  hero: Hero;
  contact: Contact;
  /** Sentences in the header that are not a tagline: an unlabelled summary. */
  prose: string[];
  /** Header text that is none of the above. */
  leftover: string[];
  /** 0..1 for hero and contact. */
  confidence: { hero: number; contact: number };
}

interface Piece {
  line: Line;
  text: string;
  label: string | null;
}

function piecesOf(line: Line): Piece[] {
  const pair = labelled(line.text);
  // "Email: a@b.c · Phone: …" has several labels; split first, then read each piece's label.
  const parts = splitParts(line.text);
  if (pair && parts.length <= 1) return [{ line, text: pair.value, label: pair.label }];
  return parts.map((part) => {
    const inner = labelled(part);
    return inner ? { line, text: inner.value, label: inner.label } : { line, text: part, label: null };
  });
}

/** Takes contact facts out of one piece; returns false when the piece holds none. */
function readContact(piece: Piece, contact: Contact, hero: Hero): boolean {
  const handle = piece.label ? handleLink(piece.label, piece.text) : null;
  if (handle) {
    (contact.professionalLinks ??= []).push(handle);
    return true;
  }
  const field = piece.label ? fieldOfLabel(piece.label, ['email', 'phone', 'location', 'availability', 'photo', 'website']) : null;
  const email = EMAIL.exec(piece.text)?.[0];
  if (email && (field === null || field === 'email')) {
    contact.email ??= email;
    return true;
  }
  const url = findUrl(piece.text);
  if (url && url.length >= piece.text.length - 2) {
    if (field === 'photo') hero.profilePhotoUrl ??= url;
    else (contact.professionalLinks ??= []).push(linkOf(url, piece.label));
    return true;
  }
  const phone = findPhone(piece.text);
  if (phone && (field === 'phone' || (field === null && phone.length >= piece.text.length - 4))) {
    contact.phone ??= phone;
    return true;
  }
  if (field === 'availability') {
    contact.availability ??= piece.text;
    return true;
  }
  const location = parseLocation(piece.text) ?? (field === 'location' ? placeOnly(piece.text) : null);
  if (location) {
    contact.location ??= location;
    return true;
  }
  return false;
}

// A person's name: two to five words of letters (initials, hyphens and particles allowed).
const NAME = /^[\p{Lu}\u05d0-\u05ea][\p{L}'’.\-]*(?:\s+[\p{L}'’.\-]+){1,4}$/u;

function nameScore(piece: Piece, index: number, style: BodyStyle, largest: number): number {
  const text = piece.text;
  if (piece.label || !NAME.test(text) || sectionOfHeading(text) || isProse(text)) return -Infinity;
  const words = wordCount(text);
  let score = (piece.line.fontSize / style.fontSize) * 2 - index * 0.5;
  if (piece.line.fontSize >= largest - 0.1) score += 2;
  if (piece.line.headingLevel === 1) score += 2;
  if (piece.line.bold && !style.bold) score += 1;
  if (words >= 2 && words <= 4) score += 1.5;
  if (text.split(/\s+/).every((word) => /^[\p{Lu}\u05d0-\u05ea]/u.test(word)) || isAllCaps(text)) score += 1;
  return score;
}

const stripMarkup = (text: string) => tidy(text.replace(/^#+\s+/, '').replace(/^\*+|\*+$/g, ''));

export function parseHeader(lines: readonly Line[], style: BodyStyle): HeaderResult {
  const hero: Hero = {};
  const contact: Contact = {};
  const unclaimed: Piece[] = [];
  // A label alone on its line ("Google Scholar:" in a narrow sidebar) names the next line.
  let pendingLabel: string | null = null;
  for (const line of lines) {
    const pair = labelled(line.text);
    if (pair && !pair.value) {
      pendingLabel = pair.label;
      continue;
    }
    const pieces = pendingLabel && !pair ? [{ line, text: line.text, label: pendingLabel }] : piecesOf(line);
    pendingLabel = null;
    const left = pieces.filter((piece) => !readContact(piece, contact, hero));
    // "anna@x.de · +49 … · Stuttgart": a bare name among contact facts is the town.
    const town = left.length < pieces.length && !contact.location ? left.find((piece) => !piece.label && placeOnly(piece.text)) : undefined;
    if (town) contact.location = placeOnly(town.text)!;
    unclaimed.push(...left.filter((piece) => piece !== town).map((piece) => ({ ...piece, text: stripMarkup(piece.text) })));
  }

  const largest = Math.max(0, ...lines.map((line) => line.fontSize));
  let name: Piece | undefined;
  let bestScore = -Infinity;
  for (const [index, piece] of unclaimed.entries()) {
    const score = nameScore(piece, index, style, largest);
    if (score > bestScore) [name, bestScore] = [piece, score];
  }
  const rest = name ? unclaimed.filter((piece) => piece !== name) : unclaimed;
  if (name) hero.fullName = name.text;

  // The title follows the name, on its line ("Jane Doe | Engineer") or the next one.
  const afterName = name ? rest.filter((piece) => lines.indexOf(piece.line) >= lines.indexOf(name.line)) : [];
  const title = afterName.find((piece) => !piece.label && wordCount(piece.text) <= 10 && !isProse(piece.text));
  if (title && name && lines.indexOf(title.line) - lines.indexOf(name.line) <= 1) hero.professionalTitle = title.text;
  const others = rest.filter((piece) => piece !== title || hero.professionalTitle === undefined);

  const prose: string[] = [];
  const leftover: string[] = [];
  for (const piece of others) {
    const text = piece.label ? `${piece.label}: ${piece.text}` : piece.text;
    if (!piece.label && hero.summaryTagline === undefined && prose.length === 0 && wordCount(text) >= 4 && wordCount(text) <= 25 && hero.fullName) {
      hero.summaryTagline = text;
    } else if (!piece.label && isProse(text)) prose.push(text);
    else leftover.push(text);
  }

  const contactFacts = [contact.email, contact.phone, contact.location, contact.professionalLinks?.length].filter(Boolean).length;
  return {
    hero,
    contact,
    prose,
    leftover,
    confidence: { hero: name ? Math.min(1, 0.5 + bestScore / 20) : 0, contact: Math.min(1, 0.5 + contactFacts * 0.15) },
  };
}
