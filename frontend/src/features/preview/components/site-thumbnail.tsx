import type { Cv } from '@r2w/cv-schema';
import { isTemplateId, renderPreviewPage, type SiteSettings } from '@r2w/portfolio-task';
import { useMemo } from 'react';
import { ScaledFrame } from '@/components/ui/scaled-frame';

type Props = { cv: Cv; templateId: string; settings?: SiteSettings; cvLanguage?: string | null };

/** A website's home page as the builder would make it from the CV now, shrunk to a card. */
export function SiteThumbnail({ cv, templateId, settings, cvLanguage }: Props) {
  const html = useMemo(() => (isTemplateId(templateId) ? renderPreviewPage(cv, { templateId, settings, cvLanguage }) : null), [cv, templateId, settings, cvLanguage]);
  return html === null ? null : <ScaledFrame srcDoc={html} className="site-thumbnail" />;
}

export default SiteThumbnail;
