import { readFileSync } from 'node:fs';

// A reader for the part of the Dockerfile syntax our two Dockerfiles use (ARG, FROM … AS,
// WORKDIR, ENV, COPY [--from], RUN, USER, EXPOSE, HEALTHCHECK, CMD, LABEL), so that the image
// content check follows the Dockerfiles themselves. Anything else is refused, not ignored:
// an instruction the check does not understand is one it cannot reproduce.

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name: string | null;
  image: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  file: string;
  stages: Stage[];
}

const KNOWN = new Set(['ARG', 'FROM', 'WORKDIR', 'ENV', 'COPY', 'RUN', 'USER', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'LABEL']);

function logicalLines(text: string): Instruction[] {
  const lines = text.split('\n');
  const out: Instruction[] = [];
  let buffer = '';
  let start = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!buffer && (line === '' || line.startsWith('#'))) return;
    if (buffer && line.startsWith('#')) return;
    if (!buffer) start = index + 1;
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    const whole = `${buffer}${line}`.trim();
    buffer = '';
    const keyword = whole.split(/\s+/, 1)[0] ?? '';
    out.push({ keyword: keyword.toUpperCase(), args: whole.slice(keyword.length).trim(), line: start });
  });
  return out;
}

function substitute(value: string, args: Record<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced: string | undefined, bare: string | undefined) => args[(braced ?? bare)!] ?? '');
}

export function parseDockerfile(file: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of logicalLines(readFileSync(file, 'utf8'))) {
    const where = `${file}:${instruction.line}`;
    if (!KNOWN.has(instruction.keyword)) throw new Error(`${where}: the image check does not understand ${instruction.keyword}; teach scripts/dockerfile.ts or use another instruction`);
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, ...value] = instruction.args.split('=');
      globalArgs[name!] = value.join('=');
      continue;
    }
    if (instruction.keyword === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!match) throw new Error(`${where}: cannot read FROM ${instruction.args}`);
      stages.push({ image: substitute(match[1]!, globalArgs), name: match[2] ?? null, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${where}: ${instruction.keyword} before the first FROM`);
    stage.instructions.push(instruction);
  }
  if (stages.length === 0) throw new Error(`${file}: no FROM`);
  return { file, stages };
}

export interface Copy {
  from: string | null;
  sources: string[];
  dest: string;
}

export function parseCopy(args: string): Copy {
  const tokens = args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
  let from: string | null = null;
  const paths: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('--from=')) from = token.slice('--from='.length);
    else if (token.startsWith('--'))
      continue; // --chown, --chmod, --link: ownership, not content
    else paths.push(token);
  }
  if (paths.length < 2) throw new Error(`COPY ${args}: needs a source and a destination`);
  return { from, sources: paths.slice(0, -1), dest: paths.at(-1)! };
}

/** CMD, or HEALTHCHECK's command after its options, in exec (JSON) form. */
export function execForm(args: string, what: string): string[] {
  const json = args.slice(args.indexOf('['));
  if (!args.includes('[')) throw new Error(`${what} must use the exec form ["node", …] (no shell in the command)`);
  return JSON.parse(json) as string[];
}

/** ENV name=value pairs (values may be quoted). */
export function parseEnv(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) out[match[1]!] = match[3] ?? match[2]!;
  return out;
}
