// Shared by every template: reset, the section building blocks, accessibility helpers and
// print. Templates add layout and typography on top and colour everything through the
// theme's variables, which is what lets print and dark mode swap the palette in one place.
// `overflow-wrap:anywhere` on body, not `break-word`: CV text holds long unbroken words
// (URLs, ids, German compounds), and only `anywhere` lets flex and grid items shrink below
// such a word, so nothing scrolls sideways on a 320 px screen.
export const BASE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;scroll-behavior:smooth}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
body{margin:0;background:var(--bg);color:var(--text);font-family:var(--font-body);font-size:1.0625rem;line-height:1.6;overflow-wrap:anywhere;-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale}
h1,h2,h3,p,ul,ol,dl,dd,figure,blockquote{margin:0}
ul,ol{padding:0}
h1,h2,h3{font-family:var(--font-heading);line-height:1.2;text-wrap:balance}
img{display:block;max-width:100%;height:auto}
a{color:var(--accent);text-decoration-thickness:.08em;text-underline-offset:.18em}
a:hover{text-decoration-thickness:.16em}
:focus-visible{outline:3px solid var(--accent);outline-offset:3px;border-radius:2px}
main:focus{outline:none}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip-link{position:absolute;inset-inline-start:1rem;top:1rem;z-index:10;padding:.6rem 1rem;border-radius:.375rem;background:var(--text);color:var(--bg);font-weight:600;transform:translateY(-300%)}
.skip-link:focus{transform:none}
.section{scroll-margin-top:1.5rem}
.section__body{display:grid;gap:1rem;min-width:0}
.section__title{font-size:1.375rem}
.entries{list-style:none;display:grid;gap:1.75rem}
.entry{display:grid;gap:.5rem;min-width:0}
.entry__head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.125rem 1rem}
.entry__title{font-size:1.125rem;font-weight:650}
.entry__date{color:var(--muted);font-size:.9375rem;font-variant-numeric:tabular-nums}
.meta{color:var(--muted);font-size:.9375rem}
.meta>span:not(:last-child)::after{content:"\\00b7";content:"\\00b7"/"";margin-inline:.45em .2em}
.entry__meta{margin-top:-.375rem}
.entry__context,.entry__note{color:var(--muted);font-style:italic}
.prose{display:grid;gap:.6em}
.prose p{white-space:pre-line}
.bullets ul{display:grid;gap:.3rem;padding-inline-start:1.2rem;list-style:disc}
.bullets li::marker{color:var(--accent)}
.list-label{margin-bottom:.3rem;color:var(--muted);font-size:.8125rem;font-weight:650;letter-spacing:.06em;text-transform:uppercase}
.tags{list-style:none;display:flex;flex-wrap:wrap;gap:.375rem}
.tag{padding:.125rem .625rem;border-radius:999px;background:var(--surface);font-size:.8125rem;line-height:1.6}
.facts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;font-size:.9375rem}
.facts>div{min-width:0}
.facts dt,.facts dd{display:inline}
.facts dt{color:var(--muted)}
.facts dt::after{content:": "}
.links{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.9375rem;font-weight:600}
.entry__image{width:100%;aspect-ratio:16/9;object-fit:cover;border:1px solid var(--line);border-radius:.5rem}
.hero__photo{object-fit:cover}
.contact-list{list-style:none}
.availability::before{content:"";display:inline-block;width:.5rem;height:.5rem;margin-inline-end:.5rem;border-radius:50%;background:var(--accent);vertical-align:.1em}
.skill-groups{display:grid;gap:1.125rem}
.skill-group{display:grid;gap:.375rem}
.skill-group__name{font-size:1rem;font-weight:650}
.skill-group__level{color:var(--muted);font-size:.875rem}
.language-list{list-style:none;display:grid;gap:.5rem}
.language{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .5rem}
.language__name{font-weight:650}
.language__level{color:var(--muted)}
.language__detail{flex-basis:100%;font-size:.875rem}
.testimonials{display:grid;gap:1.25rem}
.testimonial{display:grid;gap:.875rem;padding:1.25rem 1.5rem;border-inline-start:3px solid var(--accent);border-radius:.25rem;background:var(--surface)}
.testimonial__quote{font-size:1.0625rem;font-style:italic}
.testimonial__author{display:flex;align-items:center;gap:.75rem}
.testimonial__avatar{width:3rem;height:3rem;border-radius:50%;object-fit:cover}
.testimonial__name{display:block;font-weight:650}
.testimonial__meta{font-size:.875rem}
.reference__text{padding-inline-start:1rem;border-inline-start:2px solid var(--line);font-style:italic}
.publications{list-style:none}
.publication{gap:.25rem}
.publication__authors{font-size:.9375rem}
.publication__venue cite{font-style:italic}
.publication__abstract{color:var(--muted);font-size:.9375rem}
.summary__text{font-size:1.125rem}
.summary__years{color:var(--accent);font-weight:650}
.site-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:0 1.125rem}
.site-nav a{display:inline-block;padding-block:.25rem}
.site-footer{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1.5rem;padding-block:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}
.site-footer a{color:inherit}
.not-found{display:grid;place-content:center;gap:1rem;min-height:100vh;padding:2rem 1.25rem;text-align:center}
.not-found h1{font-size:clamp(2rem,8vw,3rem)}
@media print{
:root{color-scheme:light;--bg:#fff;--surface:#fff;--text:#000;--muted:#333;--accent:#000;--line:#999}
@page{margin:1.5cm}
body{font-size:10.5pt;line-height:1.45}
.skip-link,.site-nav,.back-to-top,.entry__image,.testimonial__avatar{display:none!important}
*{box-shadow:none!important;text-shadow:none!important}
a{text-decoration:none}
a[href^="http"]:not(.link--address)::after{content:" (" attr(href) ")";color:var(--muted);font-size:.85em;font-weight:400;overflow-wrap:anywhere}
.entry,.testimonial,.skill-group,.language,figure,blockquote{break-inside:avoid}
h2,h3{break-after:avoid}
.tag{padding:0 .4rem;border:1px solid var(--line)}
}
`;
