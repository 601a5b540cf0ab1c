import { DISPLAY_SERIF, NEWSREADER, PLAYFAIR_DISPLAY, TEXT_SERIF, type TemplateFonts } from '../shared/fonts';

// Playfair Display, a high-contrast transitional face made for headlines, for the masthead
// and headings; Newsreader, a text face drawn for on-screen reading, with its true italic
// for the standfirst's kicker, dates and quotes.
export const editorialFonts: TemplateFonts = {
  body: { font: NEWSREADER, italic: true, fallback: TEXT_SERIF },
  heading: { font: PLAYFAIR_DISPLAY, italic: false, fallback: DISPLAY_SERIF },
};

// A magazine profile: a centred masthead between two rules, the summary as the standfirst
// with a drop capital, and on wide screens the sections set in two newspaper columns, each
// opened by a heavy rule. Serif throughout; small capitals for the kicker and dates.
export const editorialCss = `
.site--editorial{max-width:70rem;margin-inline:auto;padding:0 clamp(1.25rem,5vw,3rem)}
.site--editorial .masthead{display:grid;justify-items:center;gap:1.5rem;padding-block:clamp(2rem,7vw,4.5rem) 1.75rem;text-align:center}
.site--editorial .hero{display:grid;justify-items:center;gap:1.25rem}
.site--editorial .hero__photo{width:7.5rem;height:7.5rem;border-radius:50%;filter:grayscale(.15)}
.site--editorial .hero__name{padding-block:.75rem;border-block:3px double var(--text);font-size:clamp(2.5rem,9vw,5rem);font-weight:600;letter-spacing:-.02em;line-height:1.05}
.site--editorial .hero__title{margin-top:1rem;color:var(--accent);font-variant:small-caps;font-size:1.25rem;letter-spacing:.08em}
.site--editorial .hero__tagline{max-width:46ch;margin:.5rem auto 0;color:var(--muted);font-style:italic;font-size:1.1875rem}
.site--editorial .contact-list{display:flex;flex-wrap:wrap;justify-content:center;gap:.375rem 1.25rem;font-size:.9375rem}
.site--editorial .availability{color:var(--muted);font-style:italic}
.site--editorial main{display:grid;gap:0 3rem;padding-top:2rem}
.site--editorial main .section{padding-block:1.75rem;border-top:4px solid var(--text)}
.site--editorial main .section__title{margin-bottom:1rem;font-size:1.625rem;font-weight:600;letter-spacing:-.01em}
.site--editorial .section--summary .summary__text{font-size:clamp(1.25rem,2.6vw,1.5rem);line-height:1.55}
.site--editorial .section--summary .summary__text>p:first-child::first-letter{float:inline-start;margin-block-start:.1em;margin-inline-end:.12em;color:var(--accent);font-family:var(--font-heading);font-size:3.4em;font-weight:600;line-height:.8}
.site--editorial .entries{gap:1.5rem}
.site--editorial .entry{padding-bottom:1.5rem;border-bottom:1px solid var(--line)}
.site--editorial .entry:last-child{padding-bottom:0;border-bottom:0}
.site--editorial .entry__title{font-family:var(--font-heading);font-size:1.25rem;font-weight:600}
.site--editorial .entry__date{font-style:italic}
.site--editorial .tag{border-radius:0;background:var(--surface);font-variant:small-caps;letter-spacing:.04em}
@media (min-width:60rem){
.site--editorial main{grid-template-columns:repeat(2,minmax(0,1fr))}
.site--editorial main .section--summary{grid-column:1/-1}
}
@media print{
.site--editorial{max-width:none;padding:0}
.site--editorial .masthead{padding-block:0 1rem}
.site--editorial main{display:block}
.site--editorial main .section{padding-block:1rem;border-top-width:2px}
}
`;
