import type { ApiCv } from '@r2w/cv-schema/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { apiResponse } from '@/lib/api-client';
import { decodeText } from '../lib/decode-text';
import { docxText } from '../lib/docx-text';
import { originalFilePath } from './download';
import { cvKeys } from './query-keys';

/** The uploaded file, ready to show: a PDF's bytes (pdf.js draws its pages), or the text of a Word or text file. */
export type Original = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'docx' | 'txt'; text: string };

export async function readOriginal(cv: Pick<ApiCv, 'id' | 'fileKind'>): Promise<Original> {
  const response = await apiResponse(originalFilePath(cv.id), { claimToken: anonymousCvs.claimTokenOf(cv.id) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  switch (cv.fileKind) {
    case 'pdf':
      return { kind: 'pdf', bytes };
    case 'docx':
      return { kind: 'docx', text: await docxText(bytes) };
    default:
      return { kind: 'txt', text: decodeText(bytes) };
  }
}

export const originalQuery = (cv: Pick<ApiCv, 'id' | 'fileKind'>) => queryOptions({ queryKey: cvKeys.original(cv.id), queryFn: () => readOriginal(cv), staleTime: Infinity, retry: false });

export function useOriginal(cv: Pick<ApiCv, 'id' | 'fileKind'>, enabled: boolean) {
  return useQuery({ ...originalQuery(cv), enabled });
}
