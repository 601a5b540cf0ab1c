import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError, apiUrl } from '@/lib/api-client';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorNote } from '@/components/ui/error-note';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useBuild, useBuilds, useStartBuild } from '../api/builds';
import { usePublish, useUnpublish } from '../api/publish';
import type { Portfolio } from '@r2w/cv-schema/api';
import { AddressField } from './address-field';

type Props = {
  portfolio: Portfolio;
  /** When the CV last changed, to say that a build is out of date. */
  cvUpdatedAt: string;
  /** Saves pending edits first, so a build never misses what was just typed. */
  beforeBuild: () => Promise<void>;
  /** Shown in place of the error when publishing needs a paid plan (the page brings checkout). */
  paymentRequired: React.ReactNode;
};

export function PublishPanel({ portfolio, cvUpdatedAt, beforeBuild, paymentRequired }: Props) {
  const builds = useBuilds(portfolio.id);
  const [buildId, setBuildId] = useState<string | null>(null);
  useEffect(() => {
    if (buildId === null && builds.data?.[0]) setBuildId(builds.data[0].id);
  }, [buildId, builds.data]);
  const build = useBuild(portfolio.id, buildId);
  const start = useStartBuild(portfolio.id);
  const publish = usePublish(portfolio.id);
  const unpublish = useUnpublish(portfolio.id);

  const current = build.data;
  const running = current?.status === 'queued' || current?.status === 'running';
  const succeeded = current?.status === 'succeeded' ? current : null;
  const outdated = succeeded?.finishedAt ? new Date(cvUpdatedAt) > new Date(succeeded.finishedAt) || succeeded.templateId !== portfolio.templateId : false;
  const unpublishedBuild = succeeded && portfolio.publishedBuildId !== succeeded.id;
  // Publishing without the paid plan brings checkout right here.
  const needsPlan = publish.error instanceof ApiError && publish.error.code === 'PAYMENT_REQUIRED';

  const runBuild = async () => {
    await beforeBuild();
    const started = await start.mutateAsync();
    setBuildId(started.id);
  };

  return (
    <section aria-labelledby="publish-heading" className="panel publish-panel">
      <h2 id="publish-heading">Your website</h2>
      <ol className="steps">
        <li>
          <h3>1. Build</h3>
          <Button onClick={() => void runBuild().catch(() => undefined)} busy={start.isPending || running}>
            {succeeded ? 'Build again' : 'Build website'}
          </Button>
          <ErrorNote error={start.error} />
          {current && running ? <ProgressBar value={current.progress} label="Building your website" message={current.progressMessage} /> : null}
          {current?.status === 'failed' ? <ErrorNote>{current.error?.message ?? 'The build failed. Please build again.'}</ErrorNote> : null}
          {succeeded ? (
            <p>
              Built {succeeded.finishedAt ? new Date(succeeded.finishedAt).toLocaleString() : ''}.{' '}
              {succeeded.previewUrl ? (
                <a href={apiUrl(succeeded.previewUrl)} target="_blank" rel="noreferrer">
                  Preview the built site<span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : null}
            </p>
          ) : null}
          {outdated ? <p className="note">You changed your CV or template since this build. Build again to include the changes.</p> : null}
        </li>
        <li>
          <h3>2. Publish</h3>
          <AddressField portfolio={portfolio} />
          <div className="row-actions">
            <Button onClick={() => publish.mutate()} busy={publish.isPending} disabled={!succeeded}>
              {portfolio.published ? 'Publish latest build' : 'Publish'}
            </Button>
            {portfolio.published ? (
              <Button variant="secondary" onClick={() => unpublish.mutate()} busy={unpublish.isPending}>
                Unpublish
              </Button>
            ) : null}
          </div>
          {!succeeded ? <p className="hint">Build the site first; then you can publish it.</p> : null}
          {needsPlan ? paymentRequired : <ErrorNote error={publish.error ?? unpublish.error} />}
          {portfolio.published && portfolio.url ? (
            <div className="published" role="status">
              <p>
                Your site is live at{' '}
                <a href={portfolio.url} target="_blank" rel="noreferrer">
                  {portfolio.url}
                </a>
              </p>
              <CopyButton text={portfolio.url} label="Copy address" />
              {unpublishedBuild ? <p className="note">Your newest build is not published yet.</p> : null}
            </div>
          ) : null}
        </li>
      </ol>
    </section>
  );
}
