// CVs uploaded before signing up, with the claim tokens that prove they are this
// browser's. Kept in localStorage so a reload or a new tab does not lose them; claimed
// (and forgotten here) on sign-up or sign-in.

const KEY = 'r2w.anonymousCvs';

export type AnonymousCv = { cvId: string; claimToken: string };

function read(): AnonymousCv[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is AnonymousCv => typeof v?.cvId === 'string' && typeof v?.claimToken === 'string') : [];
  } catch {
    return [];
  }
}

export const anonymousCvs = {
  list: read,
  claimTokenOf(cvId: string): string | undefined {
    return read().find((cv) => cv.cvId === cvId)?.claimToken;
  },
  remember(cv: AnonymousCv): void {
    localStorage.setItem(KEY, JSON.stringify([...read().filter((c) => c.cvId !== cv.cvId), cv]));
  },
  forget(cvId: string): void {
    localStorage.setItem(KEY, JSON.stringify(read().filter((c) => c.cvId !== cvId)));
  },
};
