import { webAddress, type Cv, type SectionKey } from '@r2w/cv-schema';
import type { ApiCv, Portfolio, SiteSettings as SiteSettingsValue, TemplateId } from '@r2w/cv-schema/api';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { useAuth } from '@/features/auth/components/auth-provider';
import { useFollowExtraction } from '@/features/cvs/api/follow-extraction';
import { useCv } from '@/features/cvs/api/get-cv';
import { useSaveCvData } from '@/features/cvs/api/save-cv-data';
import { ExtractionStatus } from '@/features/cvs/components/extraction-status';
import { CvEditor } from '@/features/editor/components/cv-editor';
import { SaveStatus } from '@/features/editor/components/save-status';
import { useCvDraft } from '@/features/editor/hooks/use-cv-draft';
import { needsReview } from '@/features/editor/lib/review';
import { usePortfolios } from '@/features/portfolios/api/list-portfolios';
import { useCreatePortfolio, useUpdatePortfolio } from '@/features/portfolios/api/save-portfolio';
import { PublishPanel } from '@/features/portfolios/components/publish-panel';
import { PlanOffer } from '@/features/payments/components/plan-offer';
import { useCvPhoto } from '@/features/cvs/api/photo';
import { PhotoUpload } from '@/features/cvs/components/photo-upload';
import { SiteSettings } from '@/features/portfolios/components/site-settings';
import { TemplatePicker } from '@/features/portfolios/components/template-picker';
import { ApiError } from '@/lib/api-client';

// The renderer (react-dom/server and the templates) is the heaviest code in the app;
// it loads beside the editor rather than before it.
const LivePreview = lazy(() => import('@/features/preview/components/live-preview'));
// The original CV (and pdf.js with it) loads only when the person asks to see it.
const OriginalDocument = lazy(() => import('@/features/cvs/components/original-document'));

const DEFAULT_TEMPLATE: TemplateId = 'modern';

/** What the column beside the editor shows: the website being made, or the CV it is made from. */
type SideView = 'website' | 'original';

function SideSwitch({ view, onChange }: { view: SideView; onChange: (view: SideView) => void }) {
  return (
    <div role="group" aria-label="Show beside the editor" className="side-switch">
      <button type="button" className="btn btn-quiet" aria-pressed={view === 'website'} onClick={() => onChange('website')}>
        Website
      </button>
      <button type="button" className="btn btn-quiet" aria-pressed={view === 'original'} onClick={() => onChange('original')}>
        Original CV
      </button>
    </div>
  );
}

/**
 * The next step towards a published site, in a bar that stays on screen over the editor:
 * an account first, then "Create my website", then a way to the build and publish steps.
 */
function ActionBar({ cv, portfolio, templateId, save, onShowSide }: { cv: ApiCv; portfolio: Portfolio | undefined; templateId: TemplateId; save: ReactNode; onShowSide: (view: SideView) => void }) {
  const { user } = useAuth();
  const create = useCreatePortfolio();
  const next = encodeURIComponent(`/cvs/${cv.id}`);
  return (
    <div role="region" aria-label="Your website" className="action-bar">
      {save}
      <div className="row-actions">
        {!user ? (
          <>
            <span className="hint">Create a free account to keep this CV and publish your website; without one, an upload is deleted after a few days.</span>
            <Link className="btn btn-primary" to={`/sign-up?next=${next}`}>
              Create an account
            </Link>
            <Link className="btn btn-secondary" to={`/sign-in?next=${next}`}>
              Sign in
            </Link>
          </>
        ) : !portfolio ? (
          <Button busy={create.isPending} onClick={() => create.mutate({ cvId: cv.id, templateId })}>
            Create my website
          </Button>
        ) : (
          <a className="btn btn-primary" href="#publish-heading">
            Build and publish
          </a>
        )}
        {/* On a phone the preview and the original sit below the editor. */}
        <a href="#website" className="only-narrow" onClick={() => onShowSide('website')}>
          Preview
        </a>
        <a href="#website" className="only-narrow" onClick={() => onShowSide('original')}>
          Original
        </a>
      </div>
      <ErrorNote error={create.error} />
    </div>
  );
}

function Workspace({ cv, data }: { cv: ApiCv; data: Cv }) {
  const { user } = useAuth();
  const save = useSaveCvData(cv.id);
  const { draft, errors, state, edit, saveNow } = useCvDraft(data, save.mutateAsync);
  const portfolios = usePortfolios({ enabled: user !== null });
  const portfolio = portfolios.data?.find((p) => p.cvId === cv.id);
  const [chosen, setChosen] = useState(DEFAULT_TEMPLATE);
  const templateId = portfolio?.templateId ?? chosen;
  const update = useUpdatePortfolio(portfolio?.id ?? '');
  // Settings being changed show in the preview before they are saved.
  const [previewSettings, setPreviewSettings] = useState<SiteSettingsValue | null>(null);
  const [activeSection, setActiveSection] = useState<SectionKey>();
  // When the extraction left something to check, the page opens with the original beside
  // the review list, to compare with; otherwise with the website being made.
  const [side, setSide] = useState<SideView>(() => (needsReview(data) ? 'original' : 'website'));
  // Once opened, the original stays mounted (hidden) so that going back to it does not draw it again.
  const [originalOpened, setOriginalOpened] = useState(side === 'original');
  const showSide = (view: SideView) => {
    setSide(view);
    if (view === 'original') setOriginalOpened(true);
  };
  const photo = useCvPhoto(cv.id, cv.hasPhoto, cv.updatedAt);
  // An uploaded photo, or a photo address the site can show: without either there is nothing to show.
  const hasPhoto = cv.hasPhoto || webAddress(draft.hero.profilePhotoUrl ?? '') !== null;

  return (
    <div>
      <div className="page-head">
        <h1>{draft.hero.fullName || cv.fileName || 'Your CV'}</h1>
      </div>
      <ActionBar cv={cv} portfolio={portfolio} templateId={templateId} save={<SaveStatus state={state} onRetry={() => void saveNow()} />} onShowSide={showSide} />
      <div className="workspace">
        <div className="workspace-editor">
          <h2>Your CV</h2>
          <CvEditor cv={draft} errors={errors} onEdit={edit} onActiveSection={setActiveSection} />
        </div>
        <aside id="website" className="workspace-side" aria-label="Website and original CV">
          <SideSwitch view={side} onChange={showSide} />
          <div hidden={side !== 'website'}>
            <TemplatePicker value={templateId} onChange={(id) => (portfolio ? update.mutate({ templateId: id }) : setChosen(id))} disabled={update.isPending} />
            <ErrorNote error={update.error} />
            <Suspense fallback={<Loading what="Loading the preview" />}>
              <LivePreview cv={draft} templateId={templateId} settings={previewSettings ?? portfolio?.settings} section={activeSection} cvLanguage={cv.language} photo={photo.data ?? null} />
            </Suspense>
            <PhotoUpload cvId={cv.id} hasPhoto={cv.hasPhoto} version={cv.updatedAt} />
          </div>
          {originalOpened ? (
            <section aria-label="Your original CV" className="original" hidden={side !== 'original'}>
              <Suspense fallback={<Loading what="Loading your original CV" />}>
                <OriginalDocument cv={cv} />
              </Suspense>
            </section>
          ) : null}
          {portfolio ? <SiteSettings key={portfolio.id} portfolio={portfolio} cvLanguage={cv.language} hasPhoto={hasPhoto} onPreview={setPreviewSettings} /> : null}
          {portfolio ? <PublishPanel portfolio={portfolio} cvUpdatedAt={cv.updatedAt} beforeBuild={saveNow} paymentRequired={<PlanOffer startOpen />} /> : null}
        </aside>
      </div>
    </div>
  );
}

export default function CvPage() {
  const { cvId = '' } = useParams();
  const query = useCv(cvId);
  useFollowExtraction(query.data);
  if (query.isPending) return <Loading what="Loading your CV" />;
  if (query.error) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="narrow">
        <h1>{missing ? 'CV not found' : 'Could not load this CV'}</h1>
        <ErrorNote>{missing ? 'This CV does not exist, was deleted, or belongs to another account. Sign in with the account that uploaded it.' : query.error.message}</ErrorNote>
        <p>
          <Link to="/">Upload a CV</Link>
        </p>
      </div>
    );
  }
  const cv = query.data;
  if (cv.status !== 'ready' || !cv.data) return <ExtractionStatus cv={cv} />;
  return <Workspace key={cv.id} cv={cv} data={cv.data} />;
}
