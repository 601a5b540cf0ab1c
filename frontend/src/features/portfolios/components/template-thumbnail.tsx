import { ScaledFrame } from '@/components/ui/scaled-frame';
import { apiUrl } from '@/lib/api-client';

/** The template's sample site as the builder's renderer made it (the API's template preview), shrunk to its card. */
export function TemplateThumbnail({ previewUrl }: { previewUrl: string }) {
  return <ScaledFrame src={apiUrl(previewUrl)} className="template-thumbnail" />;
}
