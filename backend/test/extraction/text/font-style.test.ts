import { fontStyle, isTypesetterFont } from '../../../src/extraction/text/font-style';

describe('fontStyle', () => {
  it.each([
    ['Calibri-Bold', true, false],
    ['NotoSans-Italic', false, true],
    ['Lato-Regular', false, false],
    // URW's clones as TeX embeds them: Times Bold, Helvetica Oblique.
    ['NimbusRomNo9L-Medi', true, false],
    ['NimbusSanL-ReguItal', false, true],
    // TeX's fonts name the shape in a code: cm-super (T1 text, LaTeX's default) and Computer Modern.
    ['SFRM1095', false, false],
    ['SFBX1440', true, false],
    ['SFTI1095', false, true],
    ['SFSX1095', true, false],
    ['SFSI1000', false, true],
    ['SFSO1000', true, true],
    ['SFSSDC10', true, false],
    ['SFSS1095', false, false],
    ['CMBX12', true, false],
    ['CMR10', false, false],
    ['CMSSI10', false, true],
    ['CMTT10', false, false],
    // Linux Libertine and Biolinum (the libertine package): the shape in letters after O or T.
    ['LinLibertineO', false, false],
    ['LinLibertineOZ', true, false],
    ['LinLibertineOI', false, true],
    ['LinLibertineTBI', true, true],
    ['LinBiolinumOB', true, false],
  ])('reads %s as bold %s, italic %s', (name, bold, italic) => {
    expect(fontStyle(name)).toEqual({ bold, italic });
  });
});

describe('isTypesetterFont', () => {
  it('knows the fonts TeX and Typst set text in, not those of browsers and word processors', () => {
    expect(['SFRM1095', 'CMR10', 'LMRoman10-Regular', 'NewCM10-Regular', 'LibertinusSerif-Regular', 'NimbusSanL-Regu'].every(isTypesetterFont)).toBe(true);
    expect(['Arimo', 'LiberationSans', 'Lato-Regular', 'NotoSans-Regular', 'Calibri', undefined].some(isTypesetterFont)).toBe(false);
  });
});
