import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { emptyCv } from '@r2w/cv-schema';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, PASSWORD, registerAccount, type Account } from '../support/accounts';
import { buildAndWait as buildAndWaitIn, createSamplePortfolio, firstFontPath, importSampleCv } from '../support/portfolio-steps';

let t: TestApp;
let user: Account;
beforeAll(async () => {
  t = createTestApp();
  user = await registerAccount(t.app);
});
afterAll(() => t.close());

const importCv = (account = user) => importSampleCv(t.app, account);
const createPortfolio = (templateId = 'minimal', account = user) => createSamplePortfolio(t.app, account, templateId);
const buildAndWait = (portfolioId: string, app: TestApp = t, account = user) => buildAndWaitIn(app.app, account, portfolioId);

/** GET over a real connection, as a browser opens a link. */
async function open(app: TestApp, url: string) {
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const target = new URL(url, `http://127.0.0.1:${port}`);
    const res = await fetch(`http://127.0.0.1:${port}${target.pathname}${target.search}`, { redirect: 'manual' });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('templates', () => {
  it('lists at least four templates, each with a preview rendered by the builder', async () => {
    const res = await request(t.app).get('/api/v1/templates');
    expect(res.status).toBe(200);
    expect(res.body.templates.length).toBeGreaterThanOrEqual(4);
    for (const template of res.body.templates) {
      expect(template).toEqual({ id: expect.any(String), name: expect.any(String), description: expect.any(String), previewUrl: `/api/v1/templates/${template.id}/preview` });
      const preview = await request(t.app).get(template.previewUrl);
      expect(preview.status).toBe(200);
      expect(preview.text).toContain('Alex Morgan');
    }
    expect((await request(t.app).get('/api/v1/templates/nope/preview')).status).toBe(404);
  });
});

describe('portfolios', () => {
  it("refuses an unknown template with 400 and someone else's CV with 404", async () => {
    const cvId = await importCv();
    const unknown = await request(t.app)
      .post('/api/v1/portfolios')
      .set(...bearer(user.accessToken))
      .send({ cvId, templateId: 'sparkly' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'templateId', message: 'is not a known template' }]);
    const other = await registerAccount(t.app);
    expect(
      (
        await request(t.app)
          .post('/api/v1/portfolios')
          .set(...bearer(other.accessToken))
          .send({ cvId, templateId: 'minimal' })
      ).status,
    ).toBe(404);
  });

  it('refuses to build from a CV that is still extracting', async () => {
    const upload = await request(t.app)
      .post('/api/v1/cvs')
      .set(...bearer(user.accessToken))
      .attach('file', Buffer.from('Jane Doe\nEngineer\n'), 'cv.txt');
    const res = await request(t.app)
      .post('/api/v1/portfolios')
      .set(...bearer(user.accessToken))
      .send({ cvId: upload.body.cv.id, templateId: 'modern' });
    const build = await request(t.app)
      .post(`/api/v1/portfolios/${res.body.portfolio.id}/builds`)
      .set(...bearer(user.accessToken));
    expect(build.status).toBe(409);
    expect(build.body.error.code).toBe('CV_NOT_READY');
  });

  it('refuses a website made from, or built from, a CV whose extraction failed, saying why and what to do', async () => {
    const cv = await t.container.db.cv.create({
      data: { id: randomUUID(), userId: user.userId, status: 'failed', progress: 100, errorCode: 'NOT_A_CV', errorMessage: 'This file does not look like a CV.' },
    });
    const made = await request(t.app)
      .post('/api/v1/portfolios')
      .set(...bearer(user.accessToken))
      .send({ cvId: cv.id, templateId: 'modern' });
    expect(made.status).toBe(409);
    expect(made.body.error).toEqual({
      code: 'CV_NOT_READY',
      message: 'This CV could not be read (This file does not look like a CV). Upload it again, or import it as JSON Resume, before making a website from it.',
    });
    // A website made before its CV failed (a re-extraction) cannot be built either, and is told why.
    const ready = await createPortfolio('modern');
    const { cvId } = await t.container.db.portfolio.findUniqueOrThrow({ where: { id: ready } });
    await t.container.db.cv.update({ where: { id: cvId }, data: { status: 'failed', errorMessage: 'The file is damaged.' } });
    const build = await request(t.app)
      .post(`/api/v1/portfolios/${ready}/builds`)
      .set(...bearer(user.accessToken));
    expect(build.status).toBe(409);
    expect(build.body.error.message).toMatch(/^This CV could not be read \(The file is damaged\)\./);
  });

  it('builds from a CV saved before its e-mail was checked, leaving the refused value off the site', async () => {
    const id = await createPortfolio('minimal');
    const { cvId } = await t.container.db.portfolio.findUniqueOrThrow({ where: { id } });
    const { data } = await t.container.db.cv.findUniqueOrThrow({ where: { id: cvId } });
    const stored = data as { contact: object };
    await t.container.db.cv.update({ where: { id: cvId }, data: { data: { ...stored, contact: { ...stored.contact, email: 'richard@postbox' } } } });
    const build = await buildAndWait(id);
    expect(build.status).toBe('succeeded');
    const preview = await open(t, build.previewUrl);
    expect(preview.text).toContain('Richard Hendriks');
    expect(preview.text).not.toContain('richard@postbox');
  });

  it('reads a Hebrew CV’s language when it is saved, says so in the CV, and builds its site in Hebrew, right to left', async () => {
    const id = await createPortfolio('minimal');
    const { cvId } = await t.container.db.portfolio.findUniqueOrThrow({ where: { id } });
    const cvUrl = `/api/v1/cvs/${cvId}`;
    const languageRead = async () =>
      (
        await request(t.app)
          .get(cvUrl)
          .set(...bearer(user.accessToken))
      ).body.cv.language;
    expect(await languageRead()).toBe('en');
    const hebrew = emptyCv();
    hebrew.hero.fullName = 'דנה לוי';
    hebrew.summary.summaryText = 'מהנדסת עם עשר שנות ניסיון בבניית מערכות תשלומים לבנקים.';
    hebrew.experience.items = [{ id: 'job-1', jobTitle: 'מהנדסת בכירה', companyName: 'Acme Pay', responsibilities: ['הובלתי את הצוות שבנה מחדש את ספר החשבונות וקיצר בחצי את זמן הסליקה.'] }];
    const saved = await request(t.app)
      .put(`${cvUrl}/data`)
      .set(...bearer(user.accessToken))
      .send(hebrew);
    expect(saved.status).toBe(200);
    expect(saved.body.cv.language).toBe('he');
    expect(await languageRead()).toBe('he');

    const build = await buildAndWait(id);
    expect(build.status).toBe('succeeded');
    const preview = await open(t, build.previewUrl);
    expect(preview.text).toMatch(/<html lang="he" dir="rtl"/);
    expect(preview.text).toContain('דנה לוי');
  });

  it('keeps other people out of a portfolio and its builds', async () => {
    const id = await createPortfolio();
    const other = await registerAccount(t.app);
    for (const [method, url] of [
      ['get', `/api/v1/portfolios/${id}`],
      ['patch', `/api/v1/portfolios/${id}`],
      ['post', `/api/v1/portfolios/${id}/builds`],
      ['get', `/api/v1/portfolios/${id}/builds`],
      ['post', `/api/v1/portfolios/${id}/publish`],
      ['delete', `/api/v1/portfolios/${id}`],
    ] as const) {
      const res = await request(t.app)
        [method](url)
        .set(...bearer(other.accessToken))
        .send({});
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    expect(
      (
        await request(t.app)
          .get('/api/v1/portfolios')
          .set(...bearer(other.accessToken))
      ).body.portfolios,
    ).toEqual([]);
  });

  it('validates slugs: unsafe ones are 400, a taken one is 409', async () => {
    const a = await createPortfolio();
    const b = await createPortfolio();
    for (const slug of ['../etc', 'UPPER', 'a', 'admin', 'has space', '-edge', 'x'.repeat(60), 'a--b']) {
      const res = await request(t.app)
        .patch(`/api/v1/portfolios/${a}`)
        .set(...bearer(user.accessToken))
        .send({ slug });
      expect([slug, res.status]).toEqual([slug, 400]);
    }
    const slug = `richard-${Date.now()}`;
    expect(
      (
        await request(t.app)
          .patch(`/api/v1/portfolios/${a}`)
          .set(...bearer(user.accessToken))
          .send({ slug })
      ).status,
    ).toBe(200);
    const taken = await request(t.app)
      .patch(`/api/v1/portfolios/${b}`)
      .set(...bearer(user.accessToken))
      .send({ slug });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('SLUG_TAKEN');
  });
});

describe('build, preview and publish', () => {
  it('builds a site, previews it through a signed link, publishes and unpublishes it', async () => {
    const id = await createPortfolio('modern');
    const build = await buildAndWait(id);
    expect(build).toMatchObject({ status: 'succeeded', progress: 100, templateId: 'modern', previewUrl: expect.stringMatching(/^\/previews\/[0-9a-f-]{36}\/\d+\.[\w-]+\/$/) });
    expect(build.startedAt).toBeTruthy();
    expect(build.finishedAt).toBeTruthy();

    const preview = await open(t, build.previewUrl);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Richard Hendriks');
    expect(preview.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(preview.headers.get('content-security-policy')).toMatch(/img-src 'self'/);
    // The page's own relative addresses, resolved as a browser does, carry the link's signature.
    const font = await open(t, new URL(firstFontPath(preview.text), `http://localhost${build.previewUrl}`).pathname);
    expect([font.status, font.headers.get('content-type'), font.headers.get('cache-control')]).toEqual([200, 'font/woff2', 'public, max-age=31536000, immutable']);
    // Without the folder's slash, relative links would leave the build: redirected, signature kept.
    const folder = await request(t.app).get(build.previewUrl.replace(/\/$/, ''));
    expect([folder.status, folder.headers.location]).toEqual([301, build.previewUrl]);
    // Only a valid link is sent on: a forged one is refused before any redirect.
    expect((await request(t.app).get(build.previewUrl.replace(/\.[\w-]+\/$/, '.forged'))).status).toBe(403);
    // A path that climbs out of the build is no file of it: a plain 404, no ids or storage words.
    const climbing = await request(t.app).get(`${build.previewUrl}a/%2e%2e/%2e%2e/x`);
    expect(climbing.status).toBe(404);
    expect(JSON.stringify(climbing.body)).not.toMatch(/sites\/|segment|object/);
    expect((await open(t, build.previewUrl.replace(/\.[\w-]+\/$/, '.forged/'))).status).toBe(403);
    expect((await open(t, build.previewUrl.replace(/\/\d+\./, '/1000.'))).status).toBe(403);

    const published = await request(t.app)
      .post(`/api/v1/portfolios/${id}/publish`)
      .set(...bearer(user.accessToken));
    expect(published.status).toBe(200);
    expect(published.body.url).toMatch(/^http:\/\/localhost:2000\/sites\/richard-hendriks(-\d+)?\/$/);
    const sitePath = new URL(published.body.url).pathname;
    const site = await open(t, sitePath);
    expect(site.status).toBe(200);
    expect(site.text).toContain('Richard Hendriks');
    expect((await open(t, sitePath.replace(/\/$/, ''))).status).toBe(301);
    expect((await open(t, `${sitePath}no-such-page.html`)).status).toBe(404);
    // Climbing out of the site is a page it does not have: its own 404 page, nothing about storage.
    const climbingOut = await request(t.app).get(`${sitePath}a/%2e%2e/%2e%2e/%2e%2e/b`);
    expect([climbingOut.status, climbingOut.type]).toEqual([404, 'text/html']);
    // Its links name the site's public address (…/sites/<slug>/), never a storage key (sites/<portfolio id>/<build id>/).
    expect(climbingOut.text).not.toMatch(/sites\/[0-9a-f-]{36}|segment/);
    expect(
      (
        await request(t.app)
          .get(`/api/v1/portfolios/${id}`)
          .set(...bearer(user.accessToken))
      ).body.portfolio,
    ).toMatchObject({ published: true, url: published.body.url });

    expect(
      (
        await request(t.app)
          .post(`/api/v1/portfolios/${id}/unpublish`)
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(200);
    expect((await open(t, sitePath)).status).toBe(404);
  });

  it("lists a portfolio's builds, newest first", async () => {
    const id = await createPortfolio();
    expect(
      (
        await request(t.app)
          .get(`/api/v1/portfolios/${id}/builds`)
          .set(...bearer(user.accessToken))
      ).body,
    ).toEqual({ builds: [] });
    const first = await buildAndWait(id);
    const second = await buildAndWait(id);
    const res = await request(t.app)
      .get(`/api/v1/portfolios/${id}/builds`)
      .set(...bearer(user.accessToken));
    expect(res.status).toBe(200);
    expect(res.body.builds.map((b: { id: string }) => b.id)).toEqual([second.id, first.id]);
    expect(res.body.builds[0]).toMatchObject({ status: 'succeeded', previewUrl: expect.stringMatching(/^\/previews\//) });
  });

  it('refuses to publish before any build has finished', async () => {
    const id = await createPortfolio();
    const res = await request(t.app)
      .post(`/api/v1/portfolios/${id}/publish`)
      .set(...bearer(user.accessToken));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Build the site first/);
  });

  it('keeps the published site up when a later builder dies half-way, and says the build failed', async () => {
    const id = await createPortfolio('dark');
    await buildAndWait(id);
    const slug = `crash-${Date.now()}`;
    await request(t.app)
      .patch(`/api/v1/portfolios/${id}`)
      .set(...bearer(user.accessToken))
      .send({ slug });
    await request(t.app)
      .post(`/api/v1/portfolios/${id}/publish`)
      .set(...bearer(user.accessToken));
    const before = await open(t, `/sites/${slug}/`);
    expect(before.status).toBe(200);

    // The same database and storage, but a builder that is killed while writing.
    const crashing = createTestApp({
      DATABASE_URL: t.config.database.url,
      DATA_DIR: t.config.dataDir,
      TASK_COMMAND: 'node --import tsx backend/test/support/crashing-builder.ts',
    });
    try {
      const login = await request(crashing.app).post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD });
      const build = await buildAndWait(id, crashing, { ...user, accessToken: login.body.accessToken });
      expect(build.status).toBe('failed');
      expect(build.error.code).toBe('BUILDER_DIED');
      expect(build.error.message).toMatch(/^The builder stopped before finishing \(.*SIGKILL.*\)\. Please build again\.$/);
    } finally {
      await crashing.close();
    }
    const after = await open(t, `/sites/${slug}/`);
    expect(after.status).toBe(200);
    expect(after.text).toBe(before.text);
  });

  it('deleting the portfolio removes its site files', async () => {
    const id = await createPortfolio();
    await buildAndWait(id);
    expect((await t.container.storage.list(`sites/${id}/`)).length).toBeGreaterThan(0);
    expect(
      (
        await request(t.app)
          .delete(`/api/v1/portfolios/${id}`)
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(204);
    expect(await t.container.storage.list(`sites/${id}/`)).toEqual([]);
  });
});
