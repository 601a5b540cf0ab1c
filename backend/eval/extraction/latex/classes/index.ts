import { EUROPASSCV } from './europasscv';
import { EUROPECV } from './europecv';
import { LABELLED_LISTS } from './labelled-lists';
import { MODERNCV } from './moderncv';
import type { TexClass } from './types';

export const TEX_CLASSES: readonly TexClass[] = [...MODERNCV, ...LABELLED_LISTS, EUROPASSCV, EUROPECV];
