import { EUROPASSCV } from './europasscv';
import { EUROPECV } from './europecv';
import { HARNON_CV } from './harnon-cv';
import { LABELLED_LISTS } from './labelled-lists';
import { MODERNCV } from './moderncv';
import { READABLECV } from './readablecv';
import type { TexClass } from './types';

export const TEX_CLASSES: readonly TexClass[] = [...MODERNCV, ...LABELLED_LISTS, EUROPASSCV, EUROPECV, HARNON_CV, READABLECV];
