import { INTER, PLUS_JAKARTA_SANS, SANS, type TemplateFonts } from '../shared/fonts';

// Plus Jakarta Sans, round and bold, for the name and headings; Inter, built for screens,
// for the text.
export const modernFonts: TemplateFonts = {
  body: { font: INTER, italic: false, fallback: SANS },
  heading: { font: PLUS_JAKARTA_SANS, italic: false, fallback: SANS },
};

// Two columns from 60rem: the sidebar (identity, contact, then skills and languages) on
// the surface colour, the story on the right. Below that the same blocks stack in reading
// order, with skills and languages after the main content rather than before it. Every
// section heading has one style, the accent bar under it, smaller in the narrow column.
export const modernCss = `
.site--modern .layout{display:grid;grid-template-columns:minmax(0,1fr)}
.site--modern .masthead,.site--modern .sidebar{display:grid;align-content:start;gap:2rem;padding:2.5rem clamp(1.25rem,5vw,2.25rem);background:var(--surface)}
.site--modern .hero{display:grid;justify-items:center;gap:1.25rem;text-align:center}
.site--modern .hero__photo{width:9rem;height:9rem;border-radius:50%;box-shadow:0 0 0 4px var(--surface),0 0 0 6px var(--accent)}
.site--modern .hero__name{font-size:clamp(1.875rem,6vw,2.25rem);font-weight:800;letter-spacing:-.02em}
.site--modern .hero__title{margin-top:.375rem;color:var(--accent);font-size:1.0625rem;font-weight:650}
.site--modern .hero__tagline{margin-top:.5rem;color:var(--muted);font-size:.9375rem}
.site--modern .section__title{font-weight:750;letter-spacing:-.01em}
.site--modern .section__title::after{content:"";display:block;width:2.5rem;height:3px;margin-top:.5rem;border-radius:2px;background:var(--accent)}
.site--modern .masthead .section__title,.site--modern .sidebar .section__title{margin-bottom:.25rem;font-size:1.125rem}
.site--modern .section__body{gap:.875rem}
.site--modern .contact-list{display:grid;gap:.5rem;font-size:.9375rem}
.site--modern .availability{font-size:.9375rem}
.site--modern .sidebar .tag{background:var(--bg)}
.site--modern main{display:grid;gap:3rem;padding:clamp(2rem,6vw,4rem) clamp(1.25rem,5vw,4rem);max-width:60rem}
.site--modern main .section__title{margin-bottom:1.25rem;font-size:1.5rem}
.site--modern .section--experience .entries,.site--modern .section--education .entries{gap:2rem;padding-inline-start:1.5rem;border-inline-start:2px solid var(--line)}
.site--modern .section--experience .entry,.site--modern .section--education .entry{position:relative}
.site--modern .section--experience .entry::before,.site--modern .section--education .entry::before{content:"";position:absolute;inset-inline-start:calc(-1.5rem - 7px);top:.4rem;width:12px;height:12px;border:2px solid var(--accent);border-radius:50%;background:var(--bg)}
.site--modern .section--projects .entries{grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr));gap:1.25rem}
.site--modern .section--projects .entry{align-content:start;padding:1.25rem;border:1px solid var(--line);border-radius:.75rem}
.site--modern .entry__title{font-weight:700}
.site--modern .site-footer{padding-inline:clamp(1.25rem,5vw,4rem)}
@media (min-width:60rem){
.site--modern .layout{grid-template-columns:21rem minmax(0,1fr);grid-template-rows:auto 1fr;grid-template-areas:"masthead main" "sidebar main"}
.site--modern .masthead{grid-area:masthead;padding-top:3.5rem}
.site--modern .sidebar{grid-area:sidebar;padding-top:0}
.site--modern main{grid-area:main}
}
@media print{
.site--modern .layout{display:block}
.site--modern .masthead,.site--modern .sidebar{padding:0 0 1rem}
.site--modern main{padding:1rem 0;max-width:none}
.site--modern .section--experience .entries,.site--modern .section--education .entries{padding-inline-start:0;border:0}
.site--modern .entry::before{display:none}
}
`;
