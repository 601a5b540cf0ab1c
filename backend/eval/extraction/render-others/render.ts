import path from 'node:path';
import { OTHERS_DIR } from '../others';
import { renderProducerFamilies } from './html-producers';
import { renderJsonResumeFamilies } from './jsonresume';
import { renderLibreOfficeFamilies } from './libreoffice';
import { renderDatecolFamily } from './libreoffice-datecol';
import { corpusCvs, newCvs } from './source-cvs';
import { renderYamlResumeFamilies } from './yamlresume';

// npm run eval:render-others -- [family or kind…]: regenerates the committed documents of
// others' layouts under others/ (all of them without arguments; "jsonresume" names every
// jsonresume-* family). Needs Chromium, poppler-utils and, for their families, LibreOffice and
// XeLaTeX (yamlresume-jake).
// The typst-* and reactpdf-* families need fonts-liberation and fonts-arphic-* (apt);
// pandoc-docx and wkhtmltopdf-sidebar need pandoc and wkhtmltopdf (apt).

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const only = (family: string) => names.length === 0 || names.some((name) => family === name || family.startsWith(`${name}-`));
  const cvs = [...corpusCvs(), ...newCvs()];
  await renderJsonResumeFamilies(cvs, OTHERS_DIR, only);
  renderLibreOfficeFamilies(cvs, OTHERS_DIR, only);
  renderDatecolFamily(cvs, OTHERS_DIR, only);
  renderYamlResumeFamilies(cvs, OTHERS_DIR, only);
  renderProducerFamilies(cvs, OTHERS_DIR, only);
  console.log(`Written under ${path.relative(process.cwd(), OTHERS_DIR)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
