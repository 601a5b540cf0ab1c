import { SANS, SOURCE_SANS_3, SOURCE_SERIF_4, TEXT_SERIF, type TemplateFonts } from '../shared/fonts';

// Source Serif 4, a text face in the tradition of scholarly printing, with its true italic
// for titles and venues; its companion Source Sans 3 for contact details and tags.
export const academicFonts: TemplateFonts = {
  body: { font: SOURCE_SERIF_4, italic: true, fallback: TEXT_SERIF },
  heading: { font: SOURCE_SERIF_4, italic: true, fallback: TEXT_SERIF },
  ui: { font: SOURCE_SANS_3, italic: false, fallback: SANS },
};

// A scholar's home page: one serif throughout, small-capital section names over a rule, a
// contents line, and publications as a numbered reference list with hanging numbers.
export const academicCss = `
.site--academic{max-width:48rem;margin-inline:auto;padding:clamp(2rem,7vw,4.5rem) clamp(1.25rem,5vw,2rem) 0}
.site--academic .masthead{display:grid;gap:1.25rem;padding-bottom:1.5rem;border-bottom:2px solid var(--text)}
.site--academic .hero{display:flex;flex-wrap:wrap;align-items:flex-start;gap:1.5rem}
.site--academic .hero__photo{width:7.5rem;height:9.5rem;border:1px solid var(--line);border-radius:.25rem}
.site--academic .hero__text{flex:1 1 18rem}
.site--academic .hero__name{font-size:clamp(2rem,6vw,2.75rem);font-weight:700;letter-spacing:-.01em}
.site--academic .hero__title{margin-top:.375rem;font-size:1.1875rem}
.site--academic .affiliation{color:var(--accent);font-size:1.0625rem;font-weight:600}
.site--academic .hero__tagline{margin-top:.5rem;color:var(--muted);font-style:italic}
.site--academic .contact-list{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-family:var(--font-ui);font-size:.875rem}
.site--academic .availability{margin-top:.5rem;color:var(--muted);font-family:var(--font-ui);font-size:.875rem}
.site--academic .site-nav{font-variant:small-caps;letter-spacing:.04em}
.site--academic .site-nav a{color:var(--text);text-decoration:none}
.site--academic .site-nav a:hover{color:var(--accent);text-decoration:underline}
.site--academic main .section{padding-top:2.5rem}
.site--academic main .section__title{margin-bottom:1.125rem;padding-bottom:.375rem;border-bottom:1px solid var(--line);color:var(--accent);font-size:1.375rem;font-variant:small-caps;font-weight:600;letter-spacing:.03em}
.site--academic .entries{gap:1.375rem}
.site--academic .entry__title{font-size:1.0625rem;font-weight:700}
.site--academic .entry__date{font-style:italic}
.site--academic .tag{font-family:var(--font-ui)}
.site--academic .entry__image{max-width:28rem}
.site--academic .list-label{color:var(--text);font-size:1rem;font-style:italic;font-weight:400;letter-spacing:0;text-transform:none}
.site--academic .publications{counter-reset:publication;gap:1.125rem}
.site--academic .publication{counter-increment:publication;position:relative;padding-inline-start:2.75rem}
.site--academic .publication::before{content:"[" counter(publication) "]";content:"[" counter(publication) "]"/"";position:absolute;inset-inline-start:0;top:.05rem;color:var(--muted);font-variant-numeric:tabular-nums}
.site--academic .publication__title{font-size:1.0625rem;font-weight:600}
.site--academic .publication__title a{color:var(--text);text-decoration-color:var(--accent)}
.site--academic .publication__authors strong{font-weight:700}
.site--academic .section--awards .entry{padding-inline-start:1rem;border-inline-start:3px solid var(--accent)}
.site--academic .testimonial{font-size:1rem}
@media (min-width:40rem){
.site--academic .hero{flex-direction:row-reverse;justify-content:space-between}
.site--academic .hero__text{flex-basis:auto}
}
@media print{
.site--academic{max-width:none;padding:0}
.site--academic main .section{padding-top:1.25rem}
}
`;
