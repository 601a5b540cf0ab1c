import { robotsTxt } from '../../src/routes/robots/robots.router';

const rules = (text: string) => text.trim().split('\n');

describe('robots.txt', () => {
  it('on the app host: published sites and public pages yes; the API, previews and personal pages no', () => {
    const text = robotsTxt('r2w.example.com', { appBaseUrl: 'https://r2w.example.com', sitesBaseUrl: 'https://r2w.example.com/sites' });
    expect(rules(text)[0]).toBe('User-agent: *');
    for (const path of ['/api/', '/previews/', '/dashboard', '/cvs/', '/account', '/plan', '/metrics']) expect(rules(text)).toContain(`Disallow: ${path}`);
    expect(rules(text)).toContain('Allow: /sites/');
    expect(rules(text)).not.toContain('Disallow: /');
    expect(rules(text).at(-1)).toBe('Allow: /');
  });

  it('does not name the sites path on the app host when the sites live on a host of their own', () => {
    const text = robotsTxt('r2w.example.com', { appBaseUrl: 'https://r2w.example.com', sitesBaseUrl: 'https://sites.example.com/' });
    expect(text).not.toMatch(/Allow: \/sites/);
    expect(rules(text)).toContain('Disallow: /api/');
  });

  it("on the sites' own host: the sites, nothing else", () => {
    expect(rules(robotsTxt('sites.example.com', { appBaseUrl: 'https://r2w.example.com', sitesBaseUrl: 'https://sites.example.com/p/' }))).toEqual(['User-agent: *', 'Allow: /p/', 'Disallow: /']);
    expect(rules(robotsTxt('sites.example.com', { appBaseUrl: 'https://r2w.example.com', sitesBaseUrl: 'https://sites.example.com' }))).toEqual(['User-agent: *', 'Allow: /']);
  });

  it('answers an unknown or missing host as the app host (the conservative rules)', () => {
    for (const host of ['', 'evil.example.com']) {
      expect(rules(robotsTxt(host, { appBaseUrl: 'https://r2w.example.com', sitesBaseUrl: 'https://sites.example.com' }))).toContain('Disallow: /api/');
    }
  });
});
