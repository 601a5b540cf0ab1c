import { TEMPLATE_IDS } from '@r2w/cv-schema/api';
import { TEMPLATES } from '../src';

// The API contract names the templates a portfolio may use; each needs one here, and a
// template the contract does not name could never be chosen.
describe('the templates', () => {
  it('are exactly the ones the API contract names', () => {
    expect(TEMPLATES.map((template) => template.id).sort()).toEqual([...TEMPLATE_IDS].sort());
  });
});
