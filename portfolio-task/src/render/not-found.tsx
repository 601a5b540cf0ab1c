import type { Labels } from '../templates';

/** The 404 page's body: the template's colours and type, a way back, nothing else. */
export function NotFound({ labels, homeHref, templateId }: { labels: Labels; homeHref: string; templateId: string }) {
  return (
    <div className={`site site--${templateId}`}>
      <main id="main" className="not-found">
        <h1>{labels.notFoundTitle}</h1>
        <p>{labels.notFoundText}</p>
        <p>
          <a href={homeHref}>{labels.backHome}</a>
        </p>
      </main>
    </div>
  );
}
