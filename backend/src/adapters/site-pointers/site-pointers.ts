// Which build a published address (slug) shows, as the public sites read it. Locally the
// API serves /sites/<slug>/ itself from the portfolio row, so the database is the pointer;
// in AWS CloudFront cannot read the database and looks the slug up in a CloudFront
// KeyValueStore, which therefore has to be told about every change.

/** The build a slug shows. */
export interface SiteTarget {
  portfolioId: string;
  buildId: string;
}

export interface SitePointers {
  readonly kind: 'database' | 'cloudfront-kvs';
  /** Points the slug at the build, replacing whatever it pointed at. */
  set(slug: string, target: SiteTarget): Promise<void>;
  /** Removing a slug that points nowhere is not an error. */
  remove(slug: string): Promise<void>;
  /** Readiness: resolves when the store answers, throws otherwise. */
  check(): Promise<void>;
}
