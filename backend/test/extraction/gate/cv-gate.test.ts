import { ExtractionError } from '../../../src/extraction/errors';
import { assertLooksLikeCv, cvEvidence, notACvReason } from '../../../src/extraction/gate/cv-gate';
import type { DocumentText } from '../../../src/extraction/text/document-text';

function doc(text: string): DocumentText {
  const lines = text.split('\n');
  return {
    kind: 'txt',
    pageCount: 1,
    plainText: text,
    lines: lines.map((line, i) => ({ text: line, page: 1, x: 0, y: i * 14, width: 0, fontSize: 11, bold: false, italic: false, column: 0, gapBefore: 14, listItem: false })),
  };
}

const CVS: Record<string, string> = {
  english:
    'Jane Doe\nSoftware Engineer\njane@example.com · +44 20 7946 0000\n\nEXPERIENCE\nAcme Corp, Lead Engineer, 2019 – Present\n• Led a team of six engineers\n• Cut build times by 40%\n\nEDUCATION\nBSc Computer Science, University of Leeds, 2012 – 2015\n\nSKILLS\nPython, TypeScript, Kubernetes',
  spanish:
    'María López\nIngeniera de datos\nmaria@example.es\n\nExperiencia laboral\nStreamly, Ingeniera de datos, ene. 2020 – actualidad\nConstrucción del pipeline de eventos con Kafka\n\nFormación\nGrado en Informática, Universidad de Sevilla, 2014 – 2018\n\nIdiomas\nEspañol (nativo), inglés (C1)',
  french:
    "Camille Martin\nResponsable marketing\ncamille.martin@example.fr\n\nExpérience professionnelle\nMaisonBleue, Responsable marketing, 2018 – 2023\nLancement de trois gammes de produits\n\nFormation\nMaster Marketing, Université de Lyon, 2014 – 2016\n\nCentres d'intérêt\nPhotographie, randonnée",
  german:
    'Jonas Weber\nElektroingenieur\njonas.weber@example.de · +49 30 1234567\n\nBerufserfahrung\nSiemens AG, Entwicklungsingenieur, seit 03/2020\nEntwicklung von Steuerungen für Windkraftanlagen\n\nAusbildung\nM.Sc. Elektrotechnik, TU München, 2014 – 2019\n\nSprachen\nDeutsch (Muttersprache), Englisch (fließend)',
  hebrew:
    'נועה כהן\nמנהלת מוצר\nnoa@example.co.il · 054-7123456\n\nניסיון תעסוקתי\nמנהלת מוצר בכירה, Finlio, תל אביב\n2021 – היום\nהובלת מוצר התשלומים לעסקים קטנים\n\nהשכלה\nתואר שני במנהל עסקים, האוניברסיטה העברית\n2016 – 2018',
  'student without headings':
    'Sam Patel\nsam.patel@example.com\nComputer Science student at the University of Toronto, 2022 – 2026\nTeaching assistant, Data Structures, 2024 – 2025\nHackathon winner, HackTO 2023\nPython, Java, React',
};

const NOT_CVS: Record<string, string> = {
  invoice: 'INVOICE #2024-0117\nBill to: Acme Corp, 1 Main St\nItem: Consulting services  10 h x 90.00\nSubtotal 900.00\nVAT 20% 180.00\nTotal due 1,080.00\nPayment terms: 30 days',
  'cover letter':
    'Dear Hiring Manager,\nI am writing to apply for the position of Senior Engineer advertised on your website. Over the past eight years I have built and led teams that ship reliable software, and I would welcome the chance to bring that experience to your company.\nI look forward to hearing from you.\nYours sincerely,\nJane Doe',
  'novel excerpt':
    'Chapter One\nThe rain had not stopped for three days when Eleanor finally opened the letter that had been sitting on the kitchen table since Tuesday morning, unopened and accusing.\n"You could at least read it," her brother said from the doorway, his coat still dripping onto the tiles she had mopped an hour before.\nShe did not answer him, because she knew that whatever the letter said would change the shape of the rest of the winter, and she was not ready for that.',
  'news article':
    'City council approves new cycling lanes\nThe city council voted on Tuesday to approve a network of protected cycling lanes across the centre, a plan that supporters say will make streets safer and opponents warn will worsen congestion for drivers and delivery vans.\nThe first lanes are expected to open next spring, with the full network completed within three years, according to the transport department, which will publish detailed maps later this month.',
  recipe:
    'Lemon drizzle cake\nIngredients\n225g butter, 225g caster sugar, 4 eggs, 275g self-raising flour, 2 lemons\nMethod\nPreheat the oven to 180C. Beat the butter and sugar, stir in the eggs and flour, then bake for 45 minutes. Mix two tablespoons of lemon juice with sugar and pour over the warm cake. Serves 8, about 8 servings.',
  'lorem ipsum':
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.',
  'three words': 'Hello there friend',
};

describe('the CV gate', () => {
  it.each(Object.entries(CVS))('lets a %s CV through', (_name, text) => {
    expect(notACvReason(cvEvidence(doc(text)))).toBeNull();
    expect(() => assertLooksLikeCv(doc(text))).not.toThrow();
  });

  it.each(Object.entries(NOT_CVS))('refuses a %s with NOT_A_CV', (_name, text) => {
    expect(notACvReason(cvEvidence(doc(text)))).not.toBeNull();
    let thrown: unknown;
    try {
      assertLooksLikeCv(doc(text));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExtractionError);
    expect((thrown as ExtractionError).code).toBe('NOT_A_CV');
    expect((thrown as ExtractionError).permanent).toBe(true);
  });

  it('counts the evidence it decides on', () => {
    expect(cvEvidence(doc(CVS.english!))).toMatchObject({ sectionHeadings: 3, hasEmail: true, hasPhone: true, dateRanges: 2 });
    expect(cvEvidence(doc(NOT_CVS.invoice!)).otherKinds.invoice).toBeGreaterThanOrEqual(4);
  });
});
