import type { SitePointers } from './site-pointers';

// Local mode: the sites route reads Portfolio.publishedBuildId, which the portfolio
// service has already written, so there is no second copy to keep in step.
export class DatabaseSitePointers implements SitePointers {
  readonly kind = 'database';

  async set(): Promise<void> {}

  async remove(): Promise<void> {}

  async check(): Promise<void> {}
}
