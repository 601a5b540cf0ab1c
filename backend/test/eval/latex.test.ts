import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cvFacts, CvSchema, type Cv } from '@r2w/cv-schema';
import { TEX_CLASSES } from '../../eval/extraction/latex/classes';
import { latexCv, loadInputs, type LatexInput } from '../../eval/extraction/latex/model';
import { tex } from '../../eval/extraction/latex/tex';

// The LaTeX families' truth is the CV each document was written from, so it is only fair if
// the .tex prints every fact of it, and if the committed files are the generator's output.

const inputs = new Map(loadInputs().map((input) => [input.name, input]));
const OTHERS = path.resolve(__dirname, '../../eval/extraction/others');

/** Values a reader copies off the page (a range's normalised start/end and booleans are not printed as such). */
function printedValues(cv: Cv): string[] {
  const links = cv.contact.professionalLinks ?? [];
  return cvFacts(cv)
    .filter((fact) => typeof fact.value !== 'boolean')
    .filter((fact) => !/\.dateRange\.(start|end)$/.test(fact.path))
    .filter((fact) => !(fact.path.endsWith('.membershipType') && fact.value === 'volunteer'))
    .filter((fact) => !(/\.platform$/.test(fact.path) && links.some((link) => link.platform === fact.value && link.url?.toLowerCase().includes(String(fact.value).toLowerCase()))))
    .map((fact) => String(fact.value));
}

describe('tex()', () => {
  it.each([
    ['R&D', String.raw`R\&D`],
    ['100% on-time', String.raw`100\% on-time`],
    ['C# and F#', String.raw`C\# and F\#`],
    ['$2M budget', String.raw`\$2M budget`],
    ['snake_case', String.raw`snake\_case`],
    ['~/bin', String.raw`\textasciitilde{}/bin`],
    ['x^2', String.raw`x\textasciicircum{}2`],
    ['{braces}', String.raw`\{braces\}`],
    [String.raw`C:\Users`, String.raw`C:\textbackslash{}Users`],
    ['a < b > c', String.raw`a \textless{} b \textgreater{} c`],
    ['Company | 2020', String.raw`Company \textbar{} 2020`],
  ])('escapes %j', (text, escaped) => {
    expect(tex(text)).toBe(escaped);
  });

  it('keeps ASCII hyphens apart, so "--" is not typeset as an en dash', () => {
    expect(tex('pre--post')).toBe('pre-{}-post');
    expect(tex('2019-2021')).toBe('2019-2021');
  });

  it('leaves every Unicode dash and minus as typed, for the font to print', () => {
    const dashes = 'a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h';
    expect(tex(dashes)).toBe(dashes);
  });
});

describe('entry shapes', () => {
  const base = inputs.get('seasons-graduate')!;
  const job = base.cv.experience.items[0]!;
  const head = (shape: LatexInput['shape']) => {
    const section = latexCv({ ...base, shape }).sections.find((candidate) => candidate.key === 'experience')!;
    const entry = section.entries[0]!;
    if (entry.kind !== 'item') throw new Error('an experience entry is an item');
    return { title: entry.title, subtitle: entry.subtitle, when: entry.when };
  };

  it('writes the four heads third-party CVs use', () => {
    const when = job.dateRange!.text!;
    expect(head({})).toEqual({ title: job.jobTitle, subtitle: job.companyName, when });
    expect(head({ experienceHead: 'company-title' })).toEqual({ title: job.companyName, subtitle: job.jobTitle, when });
    expect(head({ experienceHead: 'role-at-company' })).toEqual({ title: `${job.jobTitle} @${job.companyName}`, subtitle: undefined, when });
    expect(head({ experienceHead: 'company-pipe-dates' })).toEqual({ title: `${job.companyName} | ${when}`, subtitle: job.jobTitle, when: undefined });
  });

  it('puts degree and field in columns of their own', () => {
    const study = base.cv.education.items[0]!;
    const section = latexCv({ ...base, shape: { educationColumns: true } }).sections.find((candidate) => candidate.key === 'education')!;
    expect(section.entries[0]).toMatchObject({ columns: [study.degree, study.fieldOfStudy, study.institution, study.location] });
  });
});

function committedTruth(family: string, name: string): Cv {
  const dir = path.join(OTHERS, family);
  expect(existsSync(path.join(dir, `${name}.pdf`))).toBe(true);
  return CvSchema.parse(JSON.parse(readFileSync(path.join(dir, `${name}.truth.json`), 'utf8')));
}

describe.each(TEX_CLASSES.map((texClass) => [texClass.family, texClass] as const))('%s', (family, texClass) => {
  const printed = texClass.truth === 'printed';

  it.each(texClass.cvs.map((name) => [name]))('%s: the .tex prints every fact of the truth', (name) => {
    const input = inputs.get(name);
    expect(input).toBeDefined();
    const { main, inputs: files = {} } = texClass.render(latexCv(input!));
    // moderncv takes the name in two parts and prints them with a space between.
    const source = [main, ...Object.values(files)]
      .join('\n')
      .replace(/\\name\{([^}]*)\}\{([^}]*)\}/g, '$1 $2')
      .replace(/\s+/g, ' ');
    const truth = printed ? committedTruth(family, name) : input!.cv;
    // An address a class hands to \url (harnon-cv's \yourwebsite) is an argument as it is, unescaped.
    const missing = printedValues(truth).filter((value) => !source.includes(tex(value)) && !source.includes(`{${value}}`));
    expect(missing).toEqual([]);
  });

  it.each(texClass.cvs.map((name) => [name]))(printed ? '%s: the committed truth holds only facts of the CV it was written from' : '%s: the committed truth is the CV it was written from', (name) => {
    const truth = committedTruth(family, name);
    const cv = inputs.get(name)!.cv;
    if (!printed) {
      expect(truth).toEqual(cv);
      return;
    }
    // Dates and ranges are kept as the page prints them; every other value is the CV's own.
    const values = (facts: ReturnType<typeof cvFacts>) => facts.filter((fact) => !/date|Date/.test(fact.path)).map((fact) => `${fact.path}=${String(fact.value)}`);
    const known = new Set(values(cvFacts(cv)));
    expect(values(cvFacts(truth)).filter((fact) => !known.has(fact))).toEqual([]);
  });
});
