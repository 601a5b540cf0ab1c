import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { useDeletePortfolio } from '../api/save-portfolio';
import type { Portfolio } from '@r2w/cv-schema/api';

export function PortfolioList({ portfolios, cvName }: { portfolios: Portfolio[]; cvName: (cvId: string) => string }) {
  const remove = useDeletePortfolio();
  if (portfolios.length === 0) return <p>No websites yet. Open a CV and build one.</p>;
  return (
    <>
      <ul className="list">
        {portfolios.map((portfolio) => (
          <li key={portfolio.id} className="list-row">
            <div>
              {/* A website is named by its address: that is what its owner shares. */}
              {portfolio.url ? (
                <a href={portfolio.url} target="_blank" rel="noreferrer" className="list-title">
                  {portfolio.url}
                </a>
              ) : (
                <span className="list-title">{portfolio.slug ? `Address “${portfolio.slug}”` : 'No address chosen yet'}</span>
              )}{' '}
              <span className={`badge ${portfolio.published ? 'badge-ready' : 'badge-queued'}`}>{portfolio.published ? 'Published' : 'Not published'}</span>
              <p className="hint">
                Made from <Link to={`/cvs/${portfolio.cvId}`}>the CV of {cvName(portfolio.cvId)}</Link> · Template: {portfolio.templateId}
              </p>
            </div>
            <Button
              variant="danger"
              busy={remove.isPending && remove.variables === portfolio.id}
              onClick={() => {
                if (window.confirm('Delete this website? Its published site goes offline.')) remove.mutate(portfolio.id);
              }}
            >
              Delete website<span className="visually-hidden"> {portfolio.slug ? `at the address ${portfolio.slug}` : `from the CV of ${cvName(portfolio.cvId)}`}</span>
            </Button>
          </li>
        ))}
      </ul>
      <ErrorNote error={remove.error} />
    </>
  );
}
