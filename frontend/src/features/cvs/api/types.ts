import type { Cv } from '@r2w/cv-schema';

export type CvStatus = 'queued' | 'extracting' | 'ready' | 'failed';

export type ApiCv = {
  id: string;
  status: CvStatus;
  progress: number;
  progressMessage: string | null;
  fileName: string | null;
  fileKind: string | null;
  fileSize: number | null;
  extractor: string | null;
  claimed: boolean;
  createdAt: string;
  updatedAt: string;
  data?: Cv;
  error?: { code: string; message: string };
};

export const cvKeys = {
  all: ['cvs'] as const,
  one: (id: string) => ['cvs', id] as const,
};
