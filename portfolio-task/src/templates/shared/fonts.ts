// System fonts only: no font files to download, nothing fetched from a third party, and
// each platform's best-hinted faces. The Liberation faces stand in on bare Linux machines.
export const SANS = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif`;
export const DISPLAY_SERIF = `"Iowan Old Style", "Palatino Linotype", Palatino, "URW Palladio L", P052, Georgia, "Liberation Serif", serif`;
export const TEXT_SERIF = `Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Liberation Serif", serif`;
export const MONO = `ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", monospace`;
