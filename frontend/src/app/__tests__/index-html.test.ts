import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Lighthouse (mobile, slow 4G) counts first paint from the HTML: with an empty root nothing is
// painted until the script has loaded and run, and the landing page lost its full marks on it.
describe('index.html', () => {
  it('paints the app header before the script runs, with the same markup the app replaces it with', () => {
    const html = readFileSync(path.resolve(__dirname, '../../../index.html'), 'utf8');
    const root = /<div id="root">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(root).toMatch(/<header class="site-header"><a href="\/" class="brand">Resume2Website<\/a><\/header>/);
    const layout = readFileSync(path.resolve(__dirname, '../layout.tsx'), 'utf8');
    expect(layout).toMatch(/<header className="site-header">\s*<Link to="\/" className="brand">\s*Resume2Website\s*<\/Link>/);
  });
});
