import { takeViolations } from './contract-check';

// Runs after every test (jest's setupFilesAfterEnv): a response that broke the API contract
// fails the test that received it, naming the route and what did not match.
afterEach(() => {
  const found = takeViolations();
  if (found.length > 0) throw new Error(`${found.length} response(s) break the API contract (cv-schema/src/api):\n\n${found.join('\n\n')}`);
});
