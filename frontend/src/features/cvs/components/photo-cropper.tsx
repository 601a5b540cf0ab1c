import type { PhotoCrop } from '@r2w/cv-schema/api';
import { useId, useState } from 'react';
import Cropper, { type Area } from 'react-easy-crop';
import 'react-easy-crop/react-easy-crop.css';
import { Button } from '@/components/ui/button';

type Props = {
  /** The chosen photo, as a data: address (the app's CSP allows no blob: images). */
  image: string;
  busy: boolean;
  onSave: (crop: PhotoCrop) => void;
  onCancel: () => void;
};

const MAX_ZOOM = 4;

/** Whole pixels inside the photo: the API refuses a crop reaching past its edges by a rounding. */
function wholePixels(area: Area): PhotoCrop {
  const x = Math.max(0, Math.round(area.x));
  const y = Math.max(0, Math.round(area.y));
  return { x, y, width: Math.max(16, Math.floor(area.width)), height: Math.max(16, Math.floor(area.height)) };
}

/**
 * The crop step: drag to move, wheel, pinch or the slider to zoom, arrow keys to nudge (the
 * crop area takes focus). The square the site shows is what is kept, measured in the
 * photo's own pixels as the browser shows it upright, which is how the API reads it too.
 */
export function PhotoCropper({ image, busy, onSave, onCancel }: Props) {
  const id = useId();
  const [position, setPosition] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<Area | null>(null);
  return (
    <div className="photo-cropper" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="hint">
        Drag the photo to place your face in the circle, and zoom to fit.
      </p>
      <div className="photo-cropper__area">
        <Cropper
          image={image}
          crop={position}
          zoom={zoom}
          maxZoom={MAX_ZOOM}
          aspect={1}
          cropShape="round"
          showGrid={false}
          disableAutomaticStylesInjection
          onCropChange={setPosition}
          onZoomChange={setZoom}
          onCropComplete={(_percent, pixels) => setArea(pixels)}
          cropperProps={{ 'aria-label': 'Photo crop area: arrow keys move the photo' } as React.HTMLAttributes<HTMLDivElement>}
          mediaProps={{ alt: 'The photo you chose' }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-zoom`}>Zoom</label>
        <input id={`${id}-zoom`} type="range" min={1} max={MAX_ZOOM} step={0.05} value={zoom} onChange={(event) => setZoom(Number(event.target.value))} />
      </div>
      <div className="row-actions">
        <Button busy={busy} disabled={area === null} onClick={() => area && onSave(wholePixels(area))}>
          Save photo
        </Button>
        <Button variant="quiet" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
