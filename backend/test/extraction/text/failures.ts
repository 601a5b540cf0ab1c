import { ExtractionError } from '../../../src/extraction/errors';

/** The ExtractionError that work throws or rejects with; fails the test on success or on any other error. */
export async function extractionFailure(work: () => unknown): Promise<ExtractionError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractionError);
    return error as ExtractionError;
  }
  throw new Error('expected an ExtractionError, but the work succeeded');
}
