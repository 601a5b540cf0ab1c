/** The owner's initials on the accent colour: a tab icon without an image to supply. */
export function faviconSvg(name: string | null, colors: { accent: string; bg: string }): string {
  const words = (name ?? '').match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  // Only letters reach the markup (the pattern above), so the initials need no escaping.
  const initials = (first + last).toUpperCase();
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
    `<rect width="64" height="64" rx="14" fill="${colors.accent}"/>`,
    `<text x="32" y="42" fill="${colors.bg}" font-family="system-ui,-apple-system,Segoe UI,Arial,sans-serif" font-size="26" font-weight="700" text-anchor="middle">${initials}</text>`,
    '</svg>',
    '',
  ].join('');
}
