import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UploadDropzone } from '../components/upload-dropzone';
import { uploadProblem } from '../api/upload-cv';

describe('upload', () => {
  it('refuses an empty or too-large file before sending anything, with a sentence', () => {
    expect(uploadProblem(new File([], 'cv.pdf'))).toBe('cv.pdf is empty. Choose the file of your CV.');
    const big = new File([new Uint8Array(11 * 1024 * 1024)], 'big.pdf');
    expect(uploadProblem(big)).toBe('big.pdf is 11.0 MB; the limit is 10 MB.');
    expect(uploadProblem(new File(['x'], 'ok.txt'))).toBeNull();
  });

  it('shows the refusal next to the drop zone and starts no upload', async () => {
    const open = vi.spyOn(XMLHttpRequest.prototype, 'open');
    const onUploaded = vi.fn();
    render(<UploadDropzone onUploaded={onUploaded} />);
    await userEvent.upload(screen.getByLabelText('CV file'), new File([], 'empty.pdf', { type: 'application/pdf' }));
    expect((await screen.findByRole('alert')).textContent).toBe('empty.pdf is empty. Choose the file of your CV.');
    expect(open).not.toHaveBeenCalled();
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it('is reachable by keyboard: the visible button opens the file picker', async () => {
    render(<UploadDropzone onUploaded={vi.fn()} />);
    const input = screen.getByLabelText('CV file') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choose a file' }));
    await userEvent.keyboard('{Enter}');
    expect(click).toHaveBeenCalled();
  });
});
