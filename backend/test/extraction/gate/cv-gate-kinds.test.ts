import { ExtractionError } from '../../../src/extraction/errors';
import { assertLooksLikeCv, cvEvidence, notACvReason } from '../../../src/extraction/gate/cv-gate';
import type { DocumentText } from '../../../src/extraction/text/document-text';

function doc(text: string): DocumentText {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return {
    kind: 'txt',
    pageCount: 1,
    plainText: lines.join('\n'),
    lines: lines.map((line, i) => ({ text: line, page: 1, x: 0, y: i * 14, width: 0, fontSize: 11, bold: false, italic: false, column: 0, gapBefore: i ? 14 : 0, listItem: false })),
  };
}

function refusal(text: string): ExtractionError | undefined {
  try {
    assertLooksLikeCv(doc(text));
    return undefined;
  } catch (error) {
    return error as ExtractionError;
  }
}

// Documents people upload by mistake, with enough of a CV's surface (a name, contact
// details, dates) that counting those alone would let them through.
const NOT_CVS: Record<string, [string, string]> = {
  'cover letter with a full contact header': [
    'Jane Doe\njane.doe@example.com · +44 20 7946 0000 · London\n12 March 2024\nDear Ms Patel,\nI am writing to apply for the Senior Engineer role. From 2019 to 2023 I led the payments team at Acme, where we rebuilt the ledger.\nI would welcome the chance to discuss how my experience fits your plans.\nKind regards,\nJane Doe',
    'a letter',
  ],
  'German cover letter': [
    'Anna Müller\nanna.mueller@web.de · +49 30 1234567\nSehr geehrte Damen und Herren,\nmit großem Interesse habe ich Ihre Stellenanzeige gelesen. Seit 2020 arbeite ich als Entwicklungsingenieurin bei Neckar Antriebstechnik.\nIch freue mich auf ein persönliches Gespräch.\nMit freundlichen Grüßen\nAnna Müller',
    'a letter',
  ],
  'application form': [
    'Application for Employment\nFull name: ______________\nDate of birth: ______________\nAddress: ______________\nPosition applied for: ______________\nPrevious employer: ______________\nSignature: ______________  Date: ________',
    'a form to fill in',
  ],
  'job advert': [
    'Senior Backend Engineer (m/f/d)\nAbout the role\nWe are looking for a backend engineer to join our payments team in Berlin.\nWhat you will do\nYou will design and run the services that move money for 2 million customers.\nRequirements\n5+ years of experience with Go or Java. Experience with Kafka is a plus.\nWhat we offer\nA hybrid setup, 30 days of holiday and a learning budget. Apply now via our careers page.',
    'a job advert',
  ],
  'Spanish news article': [
    'El ayuntamiento aprueba nuevos carriles bici\nEl pleno del ayuntamiento aprobó el martes una red de carriles bici protegidos en el centro de la ciudad, un plan que según sus defensores hará las calles más seguras y que según sus críticos empeorará el tráfico.\nLos primeros tramos abrirán la próxima primavera y la red completa estará terminada en tres años, según el departamento de movilidad.',
    'prose',
  ],
};

describe('the CV gate refuses other documents', () => {
  it.each(Object.entries(NOT_CVS))('refuses a %s', (_name, [text, reason]) => {
    expect(notACvReason(cvEvidence(doc(text)))).toBe(reason);
    expect(refusal(text)?.code).toBe('NOT_A_CV');
  });

  it('lets a CV through that mentions letters, forms and hiring words in passing', () => {
    const cv =
      'Priya Shah\nRecruitment Lead\npriya.shah@example.com · +44 20 7946 0101\nEXPERIENCE\nTalent Acquisition Lead, Acme Corp\n2019 – Present\n• Wrote job descriptions and interview guides; we are looking for ways to cut time to hire.\n• Designed the application form and candidate letters.\nEDUCATION\nBA Psychology, University of Leeds\n2012 – 2015\nSKILLS\nSourcing, Interviewing, Workday';
    expect(notACvReason(cvEvidence(doc(cv)))).toBeNull();
    expect(refusal(cv)).toBeUndefined();
  });

  it('counts a letter frame and blank fields as evidence', () => {
    expect(cvEvidence(doc(NOT_CVS['cover letter with a full contact header']![0]))).toMatchObject({ letterFrame: true, hasEmail: true, hasPhone: true, sectionHeadings: 0 });
    expect(cvEvidence(doc(NOT_CVS['application form']![0])).blankFields).toBe(6);
  });
});
