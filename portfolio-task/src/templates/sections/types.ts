import type { Cv } from '@r2w/cv-schema';

export type SectionProps = { cv: Cv };
