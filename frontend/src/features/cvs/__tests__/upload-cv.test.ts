import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTokenSource } from '@/lib/api-client';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { uploadCv } from '../api/upload-cv';

// A stand-in for XMLHttpRequest that answers each send with the next scripted reply and
// records the Authorization header it was given.
function scriptedXhr(replies: { status: number; body: unknown }[], sent: (string | null)[]) {
  return class {
    status = 0;
    responseText = '';
    upload = { onprogress: null as ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    withCredentials = false;
    private auth: string | null = null;
    open() {}
    setRequestHeader(name: string, value: string) {
      if (name === 'Authorization') this.auth = value;
    }
    send() {
      sent.push(this.auth);
      const reply = replies.shift()!;
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
        this.status = reply.status;
        this.responseText = JSON.stringify(reply.body);
        this.onload?.();
      });
    }
  };
}

const cv = { id: '7c1b8c52-5a8e-4a52-9a0e-2b1f4a0e9d11', status: 'queued' };

afterEach(() => setTokenSource({ accessToken: () => null, refresh: async () => null }));

describe('uploadCv', () => {
  it('keeps the claim token of an anonymous upload and reports progress', async () => {
    const sent: (string | null)[] = [];
    vi.stubGlobal('XMLHttpRequest', scriptedXhr([{ status: 202, body: { cv, claimToken: 'claim-1' } }], sent));
    const progress: number[] = [];
    await expect(uploadCv(new File(['Jane Doe'], 'cv.txt'), (f) => progress.push(f))).resolves.toMatchObject({ id: cv.id });
    expect(sent).toEqual([null]);
    expect(anonymousCvs.claimTokenOf(cv.id)).toBe('claim-1');
    expect(progress).toEqual([0.5, 1]);
  });

  it('renews an expired access token once and sends the file again', async () => {
    const sent: (string | null)[] = [];
    vi.stubGlobal(
      'XMLHttpRequest',
      scriptedXhr(
        [
          { status: 401, body: { error: { code: 'INVALID_TOKEN', message: 'expired' } } },
          { status: 202, body: { cv } },
        ],
        sent,
      ),
    );
    const refresh = vi.fn(async () => 'fresh');
    setTokenSource({ accessToken: () => 'stale', refresh });
    await expect(uploadCv(new File(['Jane Doe'], 'cv.txt'), () => undefined)).resolves.toMatchObject({ id: cv.id });
    expect(sent).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('passes on the API refusal as a sentence (a file that is not a CV type)', async () => {
    vi.stubGlobal('XMLHttpRequest', scriptedXhr([{ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This file is not a PDF, Word (.docx) or text file.' } } }], []));
    await expect(uploadCv(new File(['GIF89a'], 'photo.gif'), () => undefined)).rejects.toMatchObject({ status: 415, message: 'This file is not a PDF, Word (.docx) or text file.' });
  });
});
