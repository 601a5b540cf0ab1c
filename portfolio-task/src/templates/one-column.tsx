import { BodySections, ContactSection, Hero, type BodySectionKey } from './sections';
import { Main, Page } from './shared/page';
import type { TemplateProps } from './types';

type OneColumnProps = TemplateProps & { templateId: string; order: readonly BodySectionKey[] };

/** The plainest page: a masthead (name, title, contact) over the sections in `order`; the template's CSS gives it its look. */
export function OneColumnPage({ cv, settings, photo, templateId, order }: OneColumnProps) {
  return (
    <Page cv={cv} settings={settings} photo={photo} templateId={templateId}>
      <header className="masthead">
        <Hero cv={cv} />
        <ContactSection cv={cv} hiddenTitle />
      </header>
      <Main>
        <BodySections cv={cv} order={order} />
      </Main>
    </Page>
  );
}
