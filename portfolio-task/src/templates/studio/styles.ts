import { BRICOLAGE_GROTESQUE, DM_SANS, SANS, type TemplateFonts } from '../shared/fonts';

// Bricolage Grotesque, a grotesque with ink traps and character at display sizes, for the
// name and headings; DM Sans, low-contrast and geometric, for the text.
export const studioFonts: TemplateFonts = {
  body: { font: DM_SANS, italic: false, fallback: SANS },
  heading: { font: BRICOLAGE_GROTESQUE, italic: false, fallback: SANS },
};

// A portfolio before a résumé: an oversized name beside a large square photo, the work
// (projects) straight after the introduction as image-led cards two to a row, and section
// names as small labels in pills.
export const studioCss = `
.site--studio{max-width:72rem;margin-inline:auto;padding:0 clamp(1.25rem,5vw,3rem)}
.site--studio .masthead{display:grid;gap:2rem;padding-block:clamp(2.5rem,9vw,6rem) 2.5rem}
.site--studio .hero{display:grid;gap:2rem;align-items:center}
.site--studio .hero__photo{width:min(100%,16rem);height:auto;aspect-ratio:1;border-radius:2rem;object-fit:cover;box-shadow:1rem 1rem 0 var(--accent)}
.site--studio .hero__name{font-size:clamp(2.75rem,10vw,5.75rem);font-weight:800;letter-spacing:-.04em;line-height:.98}
.site--studio .hero__title{display:inline-block;margin-top:1rem;padding:.25rem .875rem;border-radius:999px;background:var(--text);color:var(--bg);font-size:1rem;font-weight:650}
.site--studio .hero__tagline{max-width:40ch;margin-top:1rem;color:var(--muted);font-size:clamp(1.125rem,2.6vw,1.5rem);line-height:1.4}
.site--studio .contact-list{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;font-size:.9375rem;font-weight:600}
.site--studio .availability{color:var(--muted);font-size:.9375rem}
.site--studio main .section{padding-block:2.75rem;border-top:2px solid var(--text)}
.site--studio main .section__title{display:inline-block;margin-bottom:1.5rem;padding:.25rem .75rem;border:1.5px solid var(--text);border-radius:999px;font-size:.8125rem;font-weight:750;letter-spacing:.06em;text-transform:uppercase}
.site--studio .summary__text{max-width:60ch;font-size:clamp(1.1875rem,2.4vw,1.4375rem);line-height:1.5}
.site--studio .entries{gap:1.75rem}
.site--studio .entry__title{font-size:1.3125rem;font-weight:800;letter-spacing:-.015em}
.site--studio .section--projects .entries{grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:1.5rem}
.site--studio .section--projects .entry{align-content:start;padding:1.5rem;border:2px solid var(--text);border-radius:1.25rem;background:var(--surface);box-shadow:.375rem .375rem 0 var(--line)}
.site--studio .section--projects .entry__image{order:-1;width:100%;aspect-ratio:16/10;border-radius:.75rem;object-fit:cover}
.site--studio .tag{border:1px solid var(--line);background:var(--surface);font-weight:600}
.site--studio .skill-groups{grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
@media (min-width:52rem){
.site--studio .hero{grid-template-columns:minmax(0,1fr) auto}
.site--studio .hero__photo{order:1;width:16rem}
}
@media print{
.site--studio{max-width:none;padding:0}
.site--studio .masthead{padding-block:0 1rem}
.site--studio .hero__name{font-size:28pt}
.site--studio .hero__photo{box-shadow:none}
.site--studio main .section{padding-block:1rem}
.site--studio .section--projects .entry{box-shadow:none}
}
`;
