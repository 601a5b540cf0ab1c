type Rgb = readonly [number, number, number];

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function hexOf([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// WCAG 2 relative luminance.
function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function mix(from: string, to: string, amount: number): string {
  const [r1, g1, b1] = rgbOf(from);
  const [r2, g2, b2] = rgbOf(to);
  return hexOf([r1 + (r2 - r1) * amount, g1 + (g2 - g1) * amount, b1 + (b2 - b1) * amount]);
}

/**
 * The user's accent, darkened on light surfaces or lightened on dark ones just enough to
 * keep text in that colour readable (WCAG AA, 4.5:1) on every given surface. A site owner
 * picks a colour for its mood; visitors still have to be able to read the links.
 */
export function readableAccent(accent: string, surfaces: readonly string[], minimum = 4.5): string {
  const onDark = surfaces.every((surface) => luminance(surface) < 0.18);
  const target = onDark ? '#ffffff' : '#000000';
  const lowest = (color: string) => Math.min(...surfaces.map((surface) => contrastRatio(color, surface)));
  for (let step = 0; step <= 20; step += 1) {
    const candidate = mix(accent.toLowerCase(), target, step / 20);
    if (lowest(candidate) >= minimum) return candidate;
  }
  return target;
}
