import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { readAsDataUrl, useCvPhoto, useRemovePhoto, useUploadPhoto } from '../api/photo';
import { PhotoCropper } from './photo-cropper';

// What the API takes (PUT /api/v1/cvs/{id}/photo); checked here first so a wrong file is
// named at once rather than after its upload.
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 10 * 1024 * 1024;

type Props = { cvId: string; hasPhoto: boolean; /** The CV's updatedAt: the photo is fetched again after a change. */ version: string };

/** The profile photo: upload with a crop step, change, or remove. The product keeps the crop, 512×512, and sites show it. */
export function PhotoUpload({ cvId, hasPhoto, version }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const photo = useCvPhoto(cvId, hasPhoto, version);
  const upload = useUploadPhoto(cvId);
  const remove = useRemovePhoto(cvId);
  const [chosen, setChosen] = useState<{ file: File; url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    upload.reset();
    if (!ACCEPTED.includes(file.type)) return setProblem('Choose a JPEG, PNG or WebP photo.');
    if (file.size > MAX_BYTES) return setProblem('This photo is larger than 10 MB. Choose a smaller one.');
    setProblem(null);
    setChosen({ file, url: await readAsDataUrl(file) });
  };

  return (
    <fieldset className="photo-upload">
      <legend>Your photo</legend>
      {chosen ? (
        <PhotoCropper image={chosen.url} busy={upload.isPending} onCancel={() => setChosen(null)} onSave={(crop) => upload.mutate({ file: chosen.file, crop }, { onSuccess: () => setChosen(null) })} />
      ) : (
        <div className="photo-upload__current">
          {photo.data ? <img src={photo.data} alt="Your photo" width={96} height={96} /> : <p className="hint">{hasPhoto ? 'Loading your photo…' : 'No photo yet.'}</p>}
          <div className="row-actions">
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              accept={ACCEPTED.join(',')}
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Photo file"
              onChange={(event) => void choose(event.target.files?.[0])}
            />
            <Button variant="secondary" onClick={() => input.current?.click()}>
              {hasPhoto ? 'Change photo' : 'Upload a photo'}
            </Button>
            {hasPhoto ? (
              <Button variant="quiet" busy={remove.isPending} onClick={() => remove.mutate()}>
                Remove photo
              </Button>
            ) : null}
          </div>
        </div>
      )}
      {problem ? <ErrorNote>{problem}</ErrorNote> : null}
      <ErrorNote error={upload.error ?? remove.error ?? photo.error} />
    </fieldset>
  );
}
