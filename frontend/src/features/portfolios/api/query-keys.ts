export const portfolioKeys = {
  all: ['portfolios'] as const,
  one: (id: string) => ['portfolios', id] as const,
  builds: (id: string) => ['portfolios', id, 'builds'] as const,
  build: (id: string, buildId: string) => ['portfolios', id, 'builds', buildId] as const,
  templates: ['templates'] as const,
};
