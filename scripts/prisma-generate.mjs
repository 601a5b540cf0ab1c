// Writes the two provider-specific schemas from prisma/models.prisma and generates a
// Prisma client for each. Runs after `npm install` and before every migration command.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const providers = {
  sqlite: { sampleUrl: 'file:./generate-only.db' },
  postgresql: { sampleUrl: 'postgresql://generate:only@127.0.0.1:5432/generate' },
};

export function writeSchemas() {
  const models = readFileSync(join(root, 'prisma/models.prisma'), 'utf8');
  for (const provider of Object.keys(providers)) {
    const header = `// GENERATED from prisma/models.prisma by scripts/prisma-generate.mjs: do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../backend/src/db/generated/${provider}"
  engineType   = "client"
  moduleFormat = "cjs"
  runtime      = "nodejs"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}
`;
    const file = join(root, 'prisma', provider, 'schema.prisma');
    const content = `${header}\n${models}`;
    // Unchanged schemas are not rewritten, so a read-only image can still migrate.
    if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

function generateClients() {
  for (const [provider, { sampleUrl }] of Object.entries(providers)) {
    // The URL must match the schema's provider or the CLI tries to download a query engine.
    execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', `prisma/${provider}/schema.prisma`], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DATABASE_URL: sampleUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeSchemas();
  generateClients();
  console.log('prisma: generated sqlite and postgresql schemas and clients');
}
