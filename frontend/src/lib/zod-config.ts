// zod compiles object parsers with `new Function` when it can, and finds out by trying
// once. The SPA's CSP allows no eval, so that try is refused and reported as a violation
// on every visit. zod reads its settings from this global (made for sharing them between
// copies of zod), so the SPA can say "no eval" without putting zod in the first page's
// JavaScript; merged, so it holds whether zod has loaded already or not.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
Object.assign((holder.__zod_globalConfig ??= {}), { jitless: true });
