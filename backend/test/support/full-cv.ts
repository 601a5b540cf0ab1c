import type { Cv } from '@r2w/cv-schema';

// cv-schema's own fixture: every section and field filled. Required rather than imported
// so that type-checking the backend does not pull cv-schema's sources (outside rootDir)
// into the program, as portfolio-task's tests do.
const fixture = require('../../../cv-schema/test/fixtures/full-cv') as { fullCv(): Cv };

export const fullCv = fixture.fullCv;
