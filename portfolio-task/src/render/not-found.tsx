/** The body of a "not found" (or other error) page: the template's colours and type, a way back, nothing else. */
export function NotFound({ title, text, homeHref, homeLabel, templateId }: { title: string; text: string; homeHref: string; homeLabel: string; templateId: string }) {
  return (
    <div className={`site site--${templateId}`}>
      <main id="main" className="not-found">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href={homeHref}>{homeLabel}</a>
        </p>
      </main>
    </div>
  );
}
