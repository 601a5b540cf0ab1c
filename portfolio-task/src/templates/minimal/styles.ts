import { DISPLAY_SERIF, FRAUNCES, INSTRUMENT_SANS, SANS, type TemplateFonts } from '../shared/fonts';

// Fraunces, a soft old-style serif with a true italic, for the name, titles and summary;
// Instrument Sans, a crisp grotesque, for everything read at length.
export const minimalFonts: TemplateFonts = {
  body: { font: INSTRUMENT_SANS, italic: false, fallback: SANS },
  heading: { font: FRAUNCES, italic: true, fallback: DISPLAY_SERIF },
};

// A single column with a classic résumé gutter on wide screens: section names sit to the
// left of their entries, set in small letter-spaced capitals; names and titles in a serif.
export const minimalCss = `
.site--minimal{max-width:54rem;margin-inline:auto;padding:clamp(2rem,7vw,5rem) clamp(1.25rem,5vw,2.5rem) 0}
.site--minimal .masthead{display:grid;gap:1.5rem;padding-bottom:2.5rem;border-bottom:1px solid var(--line)}
.site--minimal .hero{display:flex;flex-wrap:wrap;align-items:center;gap:1.25rem 1.75rem}
.site--minimal .hero__photo{width:6.5rem;height:6.5rem;border-radius:50%}
.site--minimal .hero__name{font-size:clamp(2.25rem,8vw,3.5rem);font-weight:500;letter-spacing:-.015em}
.site--minimal .hero__title{margin-top:.5rem;color:var(--accent);font-size:.875rem;font-weight:650;letter-spacing:.14em;text-transform:uppercase}
.site--minimal .hero__tagline{margin-top:.375rem;color:var(--muted);font-family:var(--font-heading);font-size:1.25rem;font-style:italic}
.site--minimal .masthead .section__body{gap:.5rem}
.site--minimal .contact-list{display:flex;flex-wrap:wrap;gap:.375rem 1.5rem;font-size:.9375rem}
.site--minimal .availability{color:var(--muted);font-size:.9375rem}
.site--minimal main .section{padding-block:2.5rem;border-bottom:1px solid var(--line)}
.site--minimal main .section:last-child{border-bottom:0}
.site--minimal main .section__title{margin-bottom:1.25rem;color:var(--accent);font-family:var(--font-body);font-size:.8125rem;font-weight:700;letter-spacing:.16em;text-transform:uppercase}
.site--minimal .entry__title{font-size:1.25rem;font-weight:600}
.site--minimal .summary__text{font-family:var(--font-heading);font-size:1.25rem;line-height:1.55}
@media (min-width:48rem){
.site--minimal main .section{display:grid;grid-template-columns:10rem minmax(0,1fr);gap:2.5rem}
.site--minimal main .section__title{margin:.375rem 0 0}
.site--minimal .skill-groups{grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
}
@media print{
.site--minimal{max-width:none;padding:0}
.site--minimal main .section{padding-block:1.25rem}
}
`;
