import type { Contact, Hero } from '@r2w/cv-schema';
import { findEmail, findPhone, findUrl, handleLink, isPlatformName, linkOf, parseLocation, placeOnly } from './contact-fields';
import { fieldOfLabel, SECTION_FIELDS } from './field-labels';
import { isDocumentTitle, sectionOfHeading } from './heading-words';
import { sameType, type BodyStyle, type Line } from './lines';
import { trailingPlace } from './places';
import { isInstitution, organisationEvidence, roleEvidence } from './roles';
import { fold, isAllCaps, isProse, labelled, splitParts, tidy, wordCount } from './text';
import { isStretched } from './towns';

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
  /** A whole part of its line, not what was left around a contact fact. */
  whole?: boolean;
}

// The icons a template sets before each contact detail ("📍 Ann Arbor, MI", "✉ jane@…"):
// pictographs and symbols, which no name, place or address starts or ends with.
// The end is trimmed by hand: a pattern anchored at the end would be tried from every
// position of a long run of symbols.
const ICON = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s]$/u;
function withoutIcons(text: string): string {
  const chars = [...text];
  let end = chars.length;
  while (end > 0 && ICON.test(chars[end - 1]!)) end -= 1;
  let start = 0;
  while (start < end && ICON.test(chars[start]!)) start += 1;
  return chars.slice(start, end).join('');
}

function piecesOf(line: Line): Piece[] {
  const pair = labelled(line.text);
  // "Email: a@b.c · Phone: …" has several labels; split first, then read each piece's label.
  const parts = splitParts(line.text)
    .map(withoutIcons)
    .filter((part) => part !== '');
  if (pair && parts.length <= 1) return [{ line, text: pair.value, label: pair.label }];
  return parts.map((part) => {
    const inner = labelled(part);
    return inner ? { line, text: inner.value, label: inner.label } : { line, text: part, label: null };
  });
}

/** "Email", "Phone", "GitHub" without a colon: a label whose value is set beside it or below it. */
const isBareLabel = (text: string): boolean => fieldOfLabel(text, SECTION_FIELDS.contact) !== null || isPlatformName(text);

/** A row "Email ⇥ a@b.c": the bare label names the piece after it. */
function withBareLabels(pieces: readonly Piece[]): Piece[] {
  return pieces.flatMap((piece, index) => {
    const previous = pieces[index - 1];
    if (piece.label === null && isBareLabel(piece.text) && pieces[index + 1]?.label === null) return [];
    return previous && previous.label === null && isBareLabel(previous.text) && piece.label === null ? [{ ...piece, label: previous.text }] : [piece];
  });
}

// Words a link's own label takes at most ("Lab website", "Google Scholar").
const LINK_LABEL_WORDS = 3;

/**
 * A short bold line over a line that is only a web address, set plain, is the address's
 * label ("Portfolio" over "jane.design"), whatever it says: a town beside the contact
 * details is not set in bold above them.
 */
function namesLinkBelow(line: Line, next: Line | undefined): boolean {
  return next !== undefined && line.bold && !next.bold && wordCount(line.text) <= LINK_LABEL_WORDS && findUrl(next.text) === next.text && findUrl(line.text) === null;
}

type TokenKind = 'email' | 'url' | 'phone';

/** The first email, address or phone in the text (a phone inside other words only in international form). */
function contactToken(text: string): { kind: TokenKind; value: string; at: number } | null {
  const email = findEmail(text);
  if (email) return { kind: 'email', value: email[0], at: email.index };
  const url = findUrl(text);
  if (url) return { kind: 'url', value: url, at: text.indexOf(url) };
  const phone = findPhone(text);
  if (phone && (phone.length >= text.length - 4 || /^(?:\+|00|\()/.test(phone))) return { kind: 'phone', value: phone, at: text.indexOf(phone) };
  return null;
}

/**
 * Takes the contact facts out of one piece and returns what is left of it: nothing, the
 * piece itself, or the text around a fact ("Lucía Fernández +34 612 345 678", where a
 * row's two columns ran together, leaves the name).
 */
function claim(piece: Piece, contact: Contact, hero: Hero): Piece[] {
  const handle = piece.label ? handleLink(piece.label, piece.text) : null;
  if (handle) {
    (contact.professionalLinks ??= []).push(handle);
    return [];
  }
  const field = piece.label ? fieldOfLabel(piece.label, SECTION_FIELDS.contact) : null;
  if (field === 'availability') {
    contact.availability ??= piece.text;
    return [];
  }
  const token = contactToken(piece.text);
  if (token) {
    if (token.kind === 'email') contact.email ??= token.value;
    else if (token.kind === 'phone') contact.phone ??= token.value;
    else if (field === 'photo') hero.profilePhotoUrl ??= token.value;
    else (contact.professionalLinks ??= []).push(linkOf(token.value, piece.label));
    const around = [piece.text.slice(0, token.at), piece.text.slice(token.at + token.value.length)].map((text) => tidy(withoutIcons(text))).filter(Boolean);
    return around.flatMap((text) => claim({ line: piece.line, text, label: null }, contact, hero));
  }
  const merged = isStretched(piece.line);
  const place = merged ? trailingPlace(piece.text, true) : parseLocation(piece.text) ? { place: piece.text, before: '' } : null;
  const location = place ? parseLocation(place.place) : field === 'location' ? placeOnly(piece.text) : null;
  if (!location) return [piece];
  contact.location ??= location;
  return place?.before ? [{ line: piece.line, text: place.before, label: null }] : [];
}

// A person's name: two to five words of letters (initials, hyphens and particles allowed),
// the first capitalised or, in Hebrew and Arabic, which have no capitals, of their letters;
// in scripts written without spaces, two to four characters ("张伟", "김민준") or a family and
// a given name apart ("山田 太郎").
const INITIAL = String.raw`[\p{Lu}\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3]`;
const NAME = new RegExp(String.raw`^${INITIAL}[\p{L}\p{M}'’.-]*(?:\s+[\p{L}\p{M}'’.-]+){1,4}$`, 'u');
const CAPITALISED = new RegExp(`^${INITIAL}`, 'u');
const UNSPACED_NAME = /^(?:[\p{sc=Han}\p{sc=Hangul}]{2,4}|\p{sc=Han}{1,3}\s\p{sc=Han}{1,3})$/u;

export function looksLikeName(text: string): boolean {
  return (NAME.test(text) || UNSPACED_NAME.test(text)) && sectionOfHeading(text) === null && !isDocumentTitle(text) && !isProse(text);
}

/** The letters of the e-mail's local part: "jane.doe@…", "jdoe85@…" → "janedoe", "jdoe". */
function mailbox(contact: Contact): string {
  return fold(contact.email?.split('@')[0] ?? '').replace(/[^\p{L}]/gu, '');
}

/** Some word of the text (two letters or more) is in the mailbox's name: "Jane Doe" and "jdoe". */
function namedInMailbox(text: string, box: string): boolean {
  return (
    box.length >= 2 &&
    fold(text)
      .split(/[\s'’.-]+/u)
      .some((word) => word.length >= 2 && box.includes(word.replace(/[^\p{L}]/gu, '')))
  );
}

/**
 * How surely the piece is the person's name, from several kinds of evidence: set larger or
 * bolder than the body, early on the page, two to four capitalised words, named in the
 * e-mail address; a piece with the words of an organisation ("Stanford University", "Acme
 * GmbH") or a role ("Software Engineer") is not a name, however prominent.
 */
function nameScore(piece: Piece, index: number, style: BodyStyle, largest: number, box: string): number {
  const text = piece.text;
  if (piece.label || !looksLikeName(text)) return -Infinity;
  const words = wordCount(text);
  let score = (piece.line.fontSize / style.fontSize) * 2 - index * 0.5;
  if (piece.line.fontSize >= largest - 0.1) score += 2;
  if (piece.line.headingLevel === 1) score += 2;
  if (piece.line.bold && !style.bold) score += 1;
  if ((words >= 2 && words <= 4) || UNSPACED_NAME.test(text)) score += 1.5;
  if (text.split(/\s+/).every((word) => CAPITALISED.test(word)) || isAllCaps(text)) score += 1;
  if (namedInMailbox(text, box)) score += 3;
  if (organisationEvidence(text) >= 2 || isInstitution(text)) score -= 6;
  if (roleEvidence(text) > 0) score -= 3;
  return score;
}

function pickName(pieces: readonly Piece[], style: BodyStyle, largest: number, box: string): { name?: Piece; score: number } {
  let best: { name?: Piece; score: number } = { score: -Infinity };
  for (const [index, piece] of pieces.entries()) {
    const score = nameScore(piece, index, style, largest, box);
    if (score > best.score) best = { name: piece, score };
  }
  return best;
}

/**
 * The title is the next text after the name, on its line ("Jane Doe | Engineer") or below,
 * with at most contact details between; a line of its own in parts ("Data Scientist | ML
 * Engineer") is one title.
 */
function pickTitle(unclaimed: readonly Piece[], name: Piece, lines: readonly Line[], towns: readonly Piece[]): { text?: string; parts: Piece[] } {
  // Some layouts print the name twice (a logo line, then the heading): the repeat is no title.
  // A town is a contact detail: the person's location, passed over like the others.
  const next = unclaimed.slice(unclaimed.indexOf(name) + 1).find((piece) => fold(piece.text) !== fold(name.text) && !towns.includes(piece));
  if (!next || lines.indexOf(next.line) < lines.indexOf(name.line) || next.label || wordCount(next.text) > 10 || isProse(next.text)) return { parts: [] };
  // A heading word ("Experience") is the start of the body.
  if (sectionOfHeading(next.text) !== null) return { parts: [] };
  const onItsLine = unclaimed.filter((piece) => piece.line === next.line);
  const wholeLine = next.line !== name.line && onItsLine.length > 1 && onItsLine.length === piecesOf(next.line).length;
  return wholeLine ? { text: stripMarkup(next.line.text), parts: onItsLine } : { text: next.text, parts: [next] };
}

/**
 * A short capitalised piece with no word of a role or an organisation, on a line set like
 * the contact details next to it ("Jane Doe / Berlin / jane@x.de"): the town, not a title.
 */
function isTown(piece: Piece, lines: readonly Line[], contactLines: ReadonlySet<Line>): boolean {
  const at = lines.indexOf(piece.line);
  const neighbours = [lines[at - 1], lines[at + 1]].filter((line): line is Line => line !== undefined && contactLines.has(line));
  return (
    !piece.label &&
    (contactLines.has(piece.line) || neighbours.some((line) => sameType(line, piece.line))) &&
    wordCount(piece.text) <= 3 &&
    placeOnly(piece.text) !== null &&
    roleEvidence(piece.text) === 0 &&
    organisationEvidence(piece.text) < 2
  );
}

/**
 * The largest line of the header written "Name, Title" ("Grace Adeyemi, Registered Nurse,
 * BSN"): two pieces, when what stands before the first comma reads as a name and the
 * whole does not.
 */
function nameThenTitle(piece: Piece, largest: number): Piece[] {
  const comma = piece.text.indexOf(',');
  if (piece.label || comma === -1 || piece.line.fontSize < largest - 0.1 || looksLikeName(piece.text)) return [piece];
  const [name, title] = [tidy(piece.text.slice(0, comma)), tidy(piece.text.slice(comma + 1))];
  if (!looksLikeName(name) || wordCount(name) < 2 || !title) return [piece];
  return [
    { ...piece, text: name },
    { ...piece, text: title },
  ];
}

/**
 * A row of two cells whose second held a contact fact ("Dirección(es) ⇥ Madrid, España",
 * "Personal Email ⇥ a@b.c", as a Europass CV sets its personal information): the first cell
 * is that fact's label, unless it reads as a name and holds no label's word (a header row
 * "Noa Cohen ⇥ 054-7123456"). Its pieces, still unclaimed, are returned.
 */
function rowLabel(line: Line, pieces: readonly Piece[], left: readonly Piece[]): Piece[] | null {
  const cells = line.text.split('\t');
  if (cells.length !== 2) return null;
  const first = tidy(cells[0]!);
  if (looksLikeName(first) && !first.split(/\s+/).some(isBareLabel)) return null;
  const inFirst = (piece: Piece) => first.includes(piece.text);
  const valueClaimed = pieces.some((piece) => !inFirst(piece) && !left.includes(piece));
  return valueClaimed ? left.filter(inFirst) : null;
}

const stripMarkup = (text: string) => tidy(text.replace(/^#+\s+/, '').replace(/^\*+|\*+$/g, ''));

/**
 * Reads the header's lines and a contact section's. In a contact section every line is
 * contact information, so a short place-like line there is the town, never the name.
 */
export function parseHeader(header: readonly Line[], contactSection: readonly Line[], style: BodyStyle): HeaderResult {
  const lines = [...header, ...contactSection];
  const hero: Hero = {};
  const contact: Contact = {};
  const unclaimed: Piece[] = [];
  // Lines that held contact facts: a town sits among or beside them.
  const contactLines = new Set<Line>(contactSection);
  // A label alone on its line ("Google Scholar:" in a narrow sidebar) names the next line.
  let pendingLabel: string | null = null;
  lines.forEach((line, index) => {
    const pair = labelled(line.text);
    if ((pair && !pair.value) || (!pair && !line.text.includes('\t') && (isBareLabel(line.text) || namesLinkBelow(line, lines[index + 1])))) {
      pendingLabel = pair ? pair.label : line.text;
      return;
    }
    const pieces = pendingLabel && !pair ? [{ line, text: line.text, label: pendingLabel }] : withBareLabels(piecesOf(line));
    pendingLabel = null;
    const left = pieces.flatMap((piece) => claim(piece, contact, hero));
    if (left.length < pieces.length) contactLines.add(line);
    // A row's label ("Teléfono(s) ⇥ +34 …") is neither name nor title.
    const labels = rowLabel(line, pieces, left);
    // "anna@x.de · +49 … · Stuttgart": a part of its own among contact facts may be the town.
    // "Résumé" or "السيرة الذاتية" (a running head's "Jane Doe · Résumé 1") names the document: neither name nor title.
    for (const piece of left) if (!isDocumentTitle(piece.text) && !labels?.includes(piece)) unclaimed.push({ ...piece, text: stripMarkup(piece.text), whole: pieces.includes(piece) });
  });
  const box = mailbox(contact);
  const largest = Math.max(0, ...lines.map((line) => line.fontSize));
  unclaimed.splice(0, unclaimed.length, ...unclaimed.flatMap((piece) => nameThenTitle(piece, largest)));
  const towns = unclaimed.filter((piece) => piece.whole && isTown(piece, lines, contactLines));

  const picked = pickName(
    unclaimed.filter((piece) => !contactSection.includes(piece.line)),
    style,
    largest,
    box,
  );
  // Where the top of the page names no one, a "Personal information" section may hold the
  // name ("Name / Surname ⇥ Aiden Park", or beside the section's name in its margin): there,
  // among towns and labels of the same shape, only a name the e-mail address spells counts.
  const inSection = unclaimed.filter((piece) => namedInMailbox(piece.text, box));
  const { name, score } = picked.name ? picked : pickName(inSection, style, largest, box);
  if (name) hero.fullName = name.text;
  // A running head repeats the name above the CV's own ("Jane Doe · Résumé 1", then "Jane
  // Doe"): the title follows the name's last showing.
  const named = unclaimed.filter((piece) => piece.text === name?.text);
  const title = name ? pickTitle(unclaimed, named.at(-1)!, lines, towns) : { text: undefined, parts: [] };
  if (title.text !== undefined) hero.professionalTitle = title.text;
  const town = contact.location ? undefined : towns.find((piece) => piece !== name && !title.parts.includes(piece));
  if (town) contact.location = placeOnly(town.text)!;

  const prose: string[] = [];
  const leftover: string[] = [];
  for (const piece of unclaimed.filter((piece) => !named.includes(piece) && !title.parts.includes(piece) && piece !== town)) {
    const text = piece.label ? `${piece.label}: ${piece.text}` : piece.text;
    // A tagline is a phrase ("Identity and packaging for consumer brands"); a sentence of
    // more than a dozen words is the start of a summary.
    const phrase = wordCount(text) >= 3 && wordCount(text) <= 25 && (wordCount(text) <= 12 || !/[.!?]$/.test(text));
    if (!piece.label && hero.fullName && hero.summaryTagline === undefined && prose.length === 0 && phrase) hero.summaryTagline = text;
    else if (!piece.label && isProse(text)) prose.push(text);
    else leftover.push(text);
  }

  const contactFacts = [contact.email, contact.phone, contact.location, contact.professionalLinks?.length].filter(Boolean).length;
  return {
    hero,
    contact,
    prose,
    leftover,
    confidence: { hero: name ? Math.min(1, 0.5 + score / 20) : 0, contact: Math.min(1, 0.5 + contactFacts * 0.15) },
  };
}
