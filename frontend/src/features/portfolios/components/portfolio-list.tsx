import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { useTemplates } from '../api/list-templates';
import { useDeletePortfolio } from '../api/save-portfolio';
import type { Portfolio } from '@r2w/cv-schema/api';

type Props = {
  portfolios: Portfolio[];
  cvName: (cvId: string) => string;
  /** A picture of each website, drawn by the page that shows the list (it needs the CV). */
  thumbnail?: (portfolio: Portfolio) => ReactNode;
};

export function PortfolioList({ portfolios, cvName, thumbnail }: Props) {
  const remove = useDeletePortfolio();
  const templates = useTemplates();
  const templateName = (id: string) => templates.data?.find((template) => template.id === id)?.name ?? id;
  if (portfolios.length === 0) return <p>No websites yet. Open a CV and build one.</p>;
  return (
    <>
      <ul className="list">
        {portfolios.map((portfolio) => (
          <li key={portfolio.id} className="list-row">
            {thumbnail?.(portfolio)}
            <div className="list-main">
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
                Made from <Link to={`/cvs/${portfolio.cvId}`}>the CV of {cvName(portfolio.cvId)}</Link> · Template: {templateName(portfolio.templateId)}
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
