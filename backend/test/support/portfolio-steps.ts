import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { bearer, type Account } from './accounts';
import { waitFor } from './ports';

// The steps from a CV to a built site that the portfolio API tests share.

const SAMPLE = JSON.parse(readFileSync(path.resolve(__dirname, '../../../cv-schema/fixtures/jsonresume-sample.resume.json'), 'utf8'));

/** Imports the JSON Resume sample (Richard Hendriks) as a ready CV. */
export async function importSampleCv(app: Express, account: Account): Promise<string> {
  const res = await request(app)
    .post('/api/v1/cvs/import')
    .set(...bearer(account.accessToken))
    .send(SAMPLE);
  return res.body.cv.id;
}

export async function createSamplePortfolio(app: Express, account: Account, templateId = 'minimal'): Promise<string> {
  const res = await request(app)
    .post('/api/v1/portfolios')
    .set(...bearer(account.accessToken))
    .send({ cvId: await importSampleCv(app, account), templateId });
  expect(res.status).toBe(201);
  return res.body.portfolio.id;
}

/** Gives the portfolio its address; expects the API to accept it. */
export async function setSlug(app: Express, account: Account, portfolioId: string, slug: string): Promise<void> {
  const res = await request(app)
    .patch(`/api/v1/portfolios/${portfolioId}`)
    .set(...bearer(account.accessToken))
    .send({ slug });
  expect(res.status).toBe(200);
}

/** Starts a build and waits until it has succeeded or failed; returns the build as the API shows it. */
export async function buildAndWait(app: Express, account: Account, portfolioId: string) {
  const started = await request(app)
    .post(`/api/v1/portfolios/${portfolioId}/builds`)
    .set(...bearer(account.accessToken));
  expect(started.status).toBe(202);
  expect(started.body.build).toMatchObject({ status: 'queued', progress: 0 });
  let build = started.body.build;
  await waitFor(
    async () => {
      build = (
        await request(app)
          .get(`/api/v1/portfolios/${portfolioId}/builds/${started.body.build.id}`)
          .set(...bearer(account.accessToken))
      ).body.build;
      return build.status === 'succeeded' || build.status === 'failed';
    },
    { what: 'the build', timeoutMs: 45_000, intervalMs: 250 },
  );
  return build;
}

/** The first font file a site's page asks for (its stylesheet's first url()), relative to the page. */
export function firstFontPath(html: string): string {
  const url = /url\((fonts\/[^)]+\.woff2)\)/.exec(html)?.[1];
  if (!url) throw new Error('The page asks for no font file of its own');
  return url;
}
