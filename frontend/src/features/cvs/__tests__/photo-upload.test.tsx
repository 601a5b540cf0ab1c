import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PhotoUpload } from '../components/photo-upload';

const CV_ID = '6b1f7c2e-0000-4000-8000-000000000001';
const JPEG = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'me.jpg', { type: 'image/jpeg' });

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function setup({ hasPhoto = false }: { hasPhoto?: boolean } = {}) {
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method === 'GET') return new Response(new Uint8Array([0xff, 0xd8, 0xff]), { status: 200, headers: { 'Content-Type': 'image/jpeg' } });
    return json({ cv: { id: CV_ID, hasPhoto: init.method === 'PUT', updatedAt: '2026-01-02T00:00:00Z' } });
  });
  vi.stubGlobal('fetch', fetch);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <PhotoUpload cvId={CV_ID} hasPhoto={hasPhoto} version="2026-01-01T00:00:00Z" />
    </QueryClientProvider>,
  );
  return { fetch };
}

/**
 * jsdom lays nothing out: give the crop area and the photo the sizes a browser would (a
 * 900×600 photo shown 300×200 in a 300×300 area), then let the photo "load".
 */
function layOut(image: HTMLImageElement) {
  vi.spyOn(HTMLImageElement.prototype, 'naturalWidth', 'get').mockReturnValue(900);
  vi.spyOn(HTMLImageElement.prototype, 'naturalHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(300);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(200);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 300, bottom: 300, width: 300, height: 300, toJSON: () => ({}) });
  fireEvent.load(image);
}

describe('photo upload', () => {
  it('crops the chosen photo and uploads it with the crop in the photo’s own pixels', async () => {
    const { fetch } = setup();
    expect(screen.getByText('No photo yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove photo' })).toBeNull();
    await userEvent.upload(screen.getByLabelText('Photo file'), JPEG);

    const save = await screen.findByRole('button', { name: 'Save photo' });
    // Nothing to save until the crop is known.
    expect((save as HTMLButtonElement).disabled).toBe(true);
    layOut(await screen.findByAltText('The photo you chose'));
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(save);

    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init.method === 'PUT')).toBe(true));
    const [url, init] = fetch.mock.calls.find(([, call]) => call.method === 'PUT')!;
    const sent = new URL(url, 'http://localhost');
    expect(sent.pathname).toBe(`/api/v1/cvs/${CV_ID}/photo`);
    // The centred square of a 900×600 photo, the whole height.
    expect(Object.fromEntries(sent.searchParams)).toEqual({ x: '150', y: '0', width: '600', height: '600' });
    expect(init.body).toBe(JPEG);
    expect(new Headers(init.headers).get('Content-Type')).toBe('image/jpeg');
    // Back from the crop step once saved.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save photo' })).toBeNull());
  });

  it('refuses a file that is not a JPEG, PNG or WebP before sending anything', async () => {
    const { fetch } = setup();
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByLabelText('Photo file'), new File(['GIF89a'], 'me.gif', { type: 'image/gif' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a JPEG, PNG or WebP photo.');
    expect(screen.queryByRole('button', { name: 'Save photo' })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('cancels the crop step without uploading', async () => {
    const { fetch } = setup();
    await userEvent.upload(screen.getByLabelText('Photo file'), JPEG);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Upload a photo' })).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the current photo and removes it', async () => {
    const { fetch } = setup({ hasPhoto: true });
    const photo = await screen.findByAltText<HTMLImageElement>('Your photo');
    expect(photo.src).toMatch(/^data:image\/jpeg;base64,/);
    expect(screen.getByRole('button', { name: 'Change photo' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Remove photo' }));
    await waitFor(() => expect(fetch.mock.calls.some(([url, init]) => init.method === 'DELETE' && url === `/api/v1/cvs/${CV_ID}/photo`)).toBe(true));
  });
});
