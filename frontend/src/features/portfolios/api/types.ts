export type Portfolio = {
  id: string;
  cvId: string;
  templateId: string;
  slug: string | null;
  settings: Record<string, unknown>;
  published: boolean;
  publishedBuildId: string | null;
  publishedAt: string | null;
  url: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Build = {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  progressMessage: string | null;
  templateId: string;
  previewUrl?: string;
  error?: { code: string; message: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type Template = { id: string; name: string; description: string; previewUrl: string };

export const portfolioKeys = {
  all: ['portfolios'] as const,
  one: (id: string) => ['portfolios', id] as const,
  builds: (id: string) => ['portfolios', id, 'builds'] as const,
  build: (id: string, buildId: string) => ['portfolios', id, 'builds', buildId] as const,
  templates: ['templates'] as const,
};
