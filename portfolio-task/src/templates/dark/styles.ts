import { JETBRAINS_MONO, MONO, SANS, SPACE_GROTESK, type TemplateFonts } from '../shared/fonts';

// Space Grotesk, a grotesque with a technical edge, for the poster name and the text;
// JetBrains Mono for the details set like code.
export const darkFonts: TemplateFonts = {
  body: { font: SPACE_GROTESK, italic: false, fallback: SANS },
  heading: { font: SPACE_GROTESK, italic: false, fallback: SANS },
  mono: { font: JETBRAINS_MONO, italic: false, fallback: MONO },
};

// A poster-sized name, monospace details, numbered sections whose names stay in view
// beside their content on wide screens, and entries as cards.
export const darkCss = `
.site--dark{max-width:74rem;margin-inline:auto;padding:0 clamp(1.25rem,5vw,3rem)}
.site--dark .masthead{display:grid;gap:2rem;padding-top:clamp(3rem,10vw,7rem)}
.site--dark .hero{display:grid;gap:1.75rem}
.site--dark .hero__photo{width:8rem;height:8rem;border:1px solid var(--line);border-radius:1.25rem}
.site--dark .hero__name{font-size:clamp(2.75rem,11vw,6.5rem);font-weight:700;letter-spacing:-.045em;line-height:.95}
.site--dark .hero__title{margin-top:1.25rem;color:var(--accent);font-family:var(--font-mono);font-size:1rem}
.site--dark .hero__title::before{content:"\\203a  ";content:"\\203a  "/""}
.site--dark .hero__tagline{max-width:36ch;margin-top:.75rem;color:var(--muted);font-size:clamp(1.25rem,3vw,1.625rem);line-height:1.35}
.site--dark .contact-list{display:flex;flex-wrap:wrap;gap:.5rem}
.site--dark .contact-list__item{padding:.3rem .875rem;border:1px solid var(--line);border-radius:999px;font-size:.875rem}
.site--dark .contact-list a{color:var(--text);text-decoration:none}
.site--dark .contact-list a:hover{color:var(--accent)}
.site--dark .availability{margin-top:.75rem;color:var(--muted);font-family:var(--font-mono);font-size:.875rem}
.site--dark .site-nav{padding-block:1.25rem;border-top:1px solid var(--line);font-family:var(--font-mono);font-size:.8125rem}
.site--dark .site-nav a{color:var(--muted);text-decoration:none}
.site--dark .site-nav a:hover{color:var(--accent);text-decoration:underline}
.site--dark main{counter-reset:section;border-top:1px solid var(--line)}
.site--dark main .section:first-child{border-top:0}
.site--dark main .section{counter-increment:section;padding-block:3rem;border-top:1px solid var(--line)}
.site--dark main .section__title{margin-bottom:1.5rem;color:var(--accent);font-family:var(--font-mono);font-size:.875rem;font-weight:500;letter-spacing:.08em;text-transform:uppercase}
.site--dark main .section__title::before{content:counter(section,decimal-leading-zero) " / ";content:counter(section,decimal-leading-zero) " / "/"";color:var(--muted)}
.site--dark main .entries{gap:1rem}
.site--dark main .entry{padding:1.25rem 1.5rem;border:1px solid var(--line);border-radius:.875rem;background:var(--surface)}
.site--dark .entry__title{font-size:1.1875rem;font-weight:700;letter-spacing:-.01em}
.site--dark .entry__date,.site--dark .list-label{font-family:var(--font-mono);font-size:.8125rem}
.site--dark .tag{padding:.0625rem .625rem;border:1px solid var(--line);background:transparent;font-family:var(--font-mono);font-size:.75rem}
.site--dark .summary__text{font-size:clamp(1.1875rem,2.5vw,1.4375rem);line-height:1.5}
.site--dark .skill-groups{grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr))}
.site--dark .testimonial{border:1px solid var(--line);border-inline-start:3px solid var(--accent)}
@media (min-width:48rem){
.site--dark .hero{grid-template-columns:minmax(0,1fr) auto;align-items:end}
.site--dark .hero__photo{order:1;width:10rem;height:10rem}
}
@media (min-width:62rem){
.site--dark main .section{display:grid;grid-template-columns:13rem minmax(0,1fr);gap:3rem}
.site--dark main .section__title{position:sticky;top:2rem;align-self:start;margin:0}
}
@media print{
.site--dark{max-width:none;padding:0}
.site--dark .masthead{padding-block:0 1rem}
.site--dark .hero__name{font-size:26pt}
.site--dark main .section{padding-block:1rem}
.site--dark main .entry{padding:0;border:0}
}
`;
