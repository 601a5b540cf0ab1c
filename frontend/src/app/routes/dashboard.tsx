import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Portfolio } from '@r2w/cv-schema/api';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { useCv } from '@/features/cvs/api/get-cv';
import { useCvs } from '@/features/cvs/api/list-cvs';
import { CvList, cvTitle } from '@/features/cvs/components/cv-list';
import { ImportJsonResume } from '@/features/cvs/components/import-json-resume';
import { usePortfolios } from '@/features/portfolios/api/list-portfolios';
import { PortfolioList } from '@/features/portfolios/components/portfolio-list';

// The renderer is the heaviest code in the app: it loads after the lists, for the pictures.
const SiteThumbnail = lazy(() => import('@/features/preview/components/site-thumbnail'));

/** The website as its CV and settings make it now; nothing while the CV loads or if it cannot. */
function WebsiteThumbnail({ portfolio }: { portfolio: Portfolio }) {
  const cv = useCv(portfolio.cvId);
  const placeholder = <div className="scaled-frame site-thumbnail" aria-hidden="true" />;
  if (!cv.data?.data) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <SiteThumbnail cv={cv.data.data} templateId={portfolio.templateId} settings={portfolio.settings} cvLanguage={cv.data.language} />
    </Suspense>
  );
}

export default function Dashboard() {
  const cvs = useCvs();
  const portfolios = usePortfolios();
  const navigate = useNavigate();
  const cvName = (cvId: string) => {
    const cv = cvs.data?.find((item) => item.id === cvId);
    return cv ? cvTitle(cv) : 'a CV';
  };
  return (
    <div>
      <h1>Dashboard</h1>
      <section aria-labelledby="cvs-heading" className="panel">
        <div className="panel-head">
          <h2 id="cvs-heading">Your CVs</h2>
          <div className="row-actions">
            <Link className="btn btn-primary" to="/">
              Upload a CV
            </Link>
            <ImportJsonResume onImported={(cv) => navigate(`/cvs/${cv.id}`)} />
          </div>
        </div>
        {cvs.isPending ? <Loading what="Loading your CVs" /> : cvs.error ? <ErrorNote error={cvs.error} /> : <CvList cvs={cvs.data} />}
      </section>
      <section aria-labelledby="sites-heading" className="panel">
        <h2 id="sites-heading">Your websites</h2>
        {portfolios.isPending ? (
          <Loading what="Loading your websites" />
        ) : portfolios.error ? (
          <ErrorNote error={portfolios.error} />
        ) : (
          <PortfolioList portfolios={portfolios.data} cvName={cvName} thumbnail={(portfolio) => <WebsiteThumbnail portfolio={portfolio} />} />
        )}
      </section>
    </div>
  );
}
