import { MODERNCV } from './moderncv';
import type { TexClass } from './types';

export const TEX_CLASSES: readonly TexClass[] = [...MODERNCV];
