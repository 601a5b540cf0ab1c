import { Link, useNavigate } from 'react-router';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { useCvs } from '@/features/cvs/api/list-cvs';
import { CvList, cvTitle } from '@/features/cvs/components/cv-list';
import { ImportJsonResume } from '@/features/cvs/components/import-json-resume';
import { usePortfolios } from '@/features/portfolios/api/list-portfolios';
import { PortfolioList } from '@/features/portfolios/components/portfolio-list';

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
        {portfolios.isPending ? <Loading what="Loading your websites" /> : portfolios.error ? <ErrorNote error={portfolios.error} /> : <PortfolioList portfolios={portfolios.data} cvName={cvName} />}
      </section>
    </div>
  );
}
