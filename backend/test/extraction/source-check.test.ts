import { keepOnlySourcedValues } from '../../src/extraction/source-check';

describe('the source check', () => {
  it('keeps an e-mail address and a link that a narrow column broke across two lines', () => {
    const text = 'Robert Harrington\nrj.harrington@outlook.co\nm\nlinkedin.com/in/rjharring\nton';
    const { cv, rejected } = keepOnlySourcedValues({ contact: { email: 'rj.harrington@outlook.com', professionalLinks: [{ url: 'linkedin.com/in/rjharrington' }] } }, text);
    expect(rejected).toEqual([]);
    expect(cv.contact.email).toBe('rj.harrington@outlook.com');
  });

  it('still drops an address the text does not hold', () => {
    const { rejected } = keepOnlySourcedValues({ contact: { email: 'someone@else.com' } }, 'Robert Harrington\nrj.harrington@outlook.com');
    expect(rejected).toEqual([{ path: 'contact.email', value: 'someone@else.com' }]);
  });
});
