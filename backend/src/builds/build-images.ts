import { readObjectBytes, type ObjectStorage } from '@r2w/storage';
import { buildJobKeys, buildJobPrefix, type BuildInput } from '@r2w/portfolio-task/build-job';
import { isTemplateId, openGraphCard } from '@r2w/portfolio-task';
import { drawOpenGraphImage } from '../photos/open-graph-image';
import { PHOTO_CONTENT_TYPE } from '../photos/profile-photo';

/**
 * Writes the images a build is given beside its input (portfolio-task's buildJobKeys): the
 * owner's photo, unless they chose not to show it, and the share image drawn from the CV and
 * the template's colours. Made here, not in the builder, because the image library would add
 * a native library and a fifth of a second to every builder start (npm run bench:build).
 * Returns what the input is to say it was given.
 */
export async function writeBuildImages(storage: ObjectStorage, input: Omit<BuildInput, 'images'>, photoKey: string | null): Promise<NonNullable<BuildInput['images']>> {
  // A template since removed: the builder fails the build with UNKNOWN_TEMPLATE, and says why.
  if (!isTemplateId(input.templateId)) return { photo: false, openGraphImage: false };
  const keys = buildJobKeys(buildJobPrefix(input.portfolioId, input.buildId));
  const photo = photoKey && input.settings.showPhoto !== false ? await readObjectBytes(storage, photoKey) : null;
  const card = openGraphCard(input.cv, { templateId: input.templateId, settings: input.settings, cvLanguage: input.cvLanguage });
  const [openGraph] = await Promise.all([drawOpenGraphImage(card, photo), photo ? storage.put(keys.photo, photo, { contentType: PHOTO_CONTENT_TYPE }) : null]);
  await storage.put(keys.openGraphImage, openGraph, { contentType: 'image/png' });
  return { photo: photo !== null, openGraphImage: true };
}
