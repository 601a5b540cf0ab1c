import path from 'node:path';
import type { ApiCv, CvResponse } from '@r2w/cv-schema/api';
import Database from 'better-sqlite3';
import { waitFor } from '../support/ports';

// The HTTP steps the fault cases share, against a real API process.

export const CV_TEXT =
  'Jane Doe\nSoftware Engineer\njane@example.com\n\nEXPERIENCE\nAcme Corp, Engineer, 2019 – Present\n• Built the billing system\n\nEDUCATION\nBSc Computer Science, University of Leeds, 2015 – 2018\n';

/** A record_cv answer that fits CV_TEXT, for the fake Claude to give. */
export const CV_TOOL_INPUT = {
  hero: { fullName: 'Jane Doe', professionalTitle: 'Software Engineer' },
  contact: { email: 'jane@example.com' },
  unclassifiedText: [],
  confidence: { hero: 0.95, contact: 0.9 },
};

export interface UploadedCv {
  id: string;
  claimToken: string;
}

export function cvForm(text = CV_TEXT): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), 'cv.txt');
  return form;
}

/** An anonymous upload; its claim token reads the CV. */
export async function uploadCv(url: string, text = CV_TEXT): Promise<UploadedCv> {
  const res = await fetch(`${url}/api/v1/cvs`, { method: 'POST', body: cvForm(text) });
  const body = (await res.json()) as { cv: { id: string }; claimToken: string };
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
  return { id: body.cv.id, claimToken: body.claimToken };
}

export async function getCv(url: string, cv: UploadedCv): Promise<ApiCv> {
  const res = await fetch(`${url}/api/v1/cvs/${cv.id}`, { headers: { 'x-claim-token': cv.claimToken } });
  if (res.status !== 200) throw new Error(`GET cv answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as CvResponse).cv;
}

/** Waits until the CV's status is one of `statuses`; returns the CV as the API shows it. */
export async function waitForCvStatus(url: string, cv: UploadedCv, statuses: ApiCv['status'][], timeoutMs = 60_000): Promise<ApiCv> {
  let last: ApiCv | undefined;
  await waitFor(
    async () => {
      last = await getCv(url, cv);
      return statuses.includes(last.status);
    },
    { what: `CV ${cv.id} to be ${statuses.join(' or ')}`, timeoutMs, intervalMs: 200 },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  });
  return last!;
}

/** One metric's samples from GET /metrics, as "name{labels} value" lines. */
export async function metricLines(url: string, name: string): Promise<string[]> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith(name));
}

/** Jobs waiting (or held by a worker) and dead-lettered in the local queue under the environment's DATA_DIR. */
export function localQueueCounts(env: NodeJS.ProcessEnv): { queued: number; dead: number } {
  const db = new Database(path.join(env.DATA_DIR!, 'queue.db'), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { queued: count('jobs'), dead: count('dead_letters') };
  } finally {
    db.close();
  }
}
