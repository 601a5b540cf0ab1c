// The image content check (`npm run check:images`, which builds first; .ci/run runs it after
// `npm test`): there is no Docker engine on our machines, so each image's file set is assembled
// as its Dockerfile says, in a temporary folder, and its commands are started there with the
// environment they get in AWS. What it catches: a runtime dependency that only exists as a
// devDependency (the image's `npm ci --omit=dev` leaves it out), a file or folder the image
// forgot to copy, a command that does not start from the image's working directory or that
// writes into the image's own files.
//
// How the Dockerfile is followed: the final stage's instructions are applied in order (ENV,
// WORKDIR, COPY, USER, CMD, HEALTHCHECK; a RUN there is refused). A stage it copies from whose
// RUN lines are all `npm ci` (the dependency stage) is reproduced: its COPY lines, then its
// `npm ci` as written (plus --prefer-offline). Any other stage (the build stage: tsc, vite,
// prisma generate) is mapped to this repository, which `npm run build` has built: a path copied
// from it is taken from here, and must lie under one of that stage's own COPY destinations.
// Every FROM must be pinned by digest and the final USER must not be root.
//   tsx scripts/check-images.ts            both images
//   tsx scripts/check-images.ts api        one (api | builder)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SAMPLE_CV } from '@r2w/portfolio-task';
import { BuildInputSchema, BuildResultSchema, buildJobKeys, buildJobPrefix, SITE_IMAGES, siteFilesPrefix } from '@r2w/portfolio-task/build-job';
import { createStorage, readObjectBytes, readObjectText, StorageEnvSchema, storageSettings } from '@r2w/storage';
import { Client } from 'pg';
import sharp from 'sharp';
import { uploadCv, waitForCvStatus } from '../backend/test/fault/fault-steps';
import { startMoto, type Moto } from '../backend/test/support/moto';
import { freePort, waitFor } from '../backend/test/support/ports';
import { execForm, parseCopy, parseDockerfile, parseEnv, type Dockerfile, type Stage } from './dockerfile';

const root = path.resolve(__dirname, '..');
// What the deploy runs as a one-off task with the API image (deploy.yml's command override).
const MIGRATE_COMMAND = ['node', 'scripts/db-migrate.mjs', 'deploy'];
const WORKER_COMMAND = ['node', 'backend/dist/worker.js'];
const POSTGRES_ADMIN_URL = process.env.CHECK_IMAGES_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.CHECK_IMAGES_REDIS_URL ?? 'redis://127.0.0.1:6379';

// The image's USER owns none of the image's files (they are root's, read-only to it). Run as
// root, the check runs the image's commands as `nobody` for the same reason: a command that
// writes into the image's own folders fails here as it would in the container.
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : null;

/** A temporary folder the image's commands may write to (its USER's home, a DATA_DIR). */
function writableFolder(prefix: string, parent = os.tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, prefix));
  if (UNPRIVILEGED) chownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  return dir;
}

class CheckFailed extends Error {}
function fail(message: string): never {
  throw new CheckFailed(message);
}

interface Image {
  /** The image's root file system (only what the Dockerfile put there). */
  fsRoot: string;
  /** The USER's home, the one folder of its own. */
  home: string;
  workdir: string;
  env: Record<string, string>;
  user: string | null;
  cmd: string[];
  healthcheck: string[] | null;
  files: number;
}

// ---- .dockerignore: the build context the COPY lines see ----

function ignoreMatchers(): RegExp[] {
  const file = path.join(root, '.dockerignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((pattern) => {
      if (pattern.startsWith('!')) fail(`.dockerignore: exceptions (${pattern}) are not supported by the image check`);
      const body = pattern
        .replace(/^\/+|\/+$/g, '')
        .split('/')
        .map((part) =>
          part === '**'
            ? '(?:.+/)?'
            : `${part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]')}/`,
        )
        .join('');
      return new RegExp(`^${body.replace(/\/$/, '')}(?:/|$)`);
    });
}

function ignored(relative: string, matchers: RegExp[]): boolean {
  return matchers.some((matcher) => matcher.test(relative));
}

// ---- COPY with Docker's semantics ----

/** Copies one source as COPY does: a folder's contents into dest, a file to dest (or into it when dest ends with / or several sources are given). */
function copyInto(source: string, dest: string, intoFolder: boolean, filter: (source: string) => boolean): void {
  if (!existsSync(source)) fail(`${source} does not exist`);
  if (statSync(source).isDirectory()) {
    mkdirSync(dest, { recursive: true });
    cpSync(source, dest, { recursive: true, verbatimSymlinks: true, filter });
    return;
  }
  const target = intoFolder ? path.join(dest, path.basename(source)) : dest;
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(source, target);
}

function isMissingOrEmptyFolder(p: string): boolean {
  return !existsSync(p) || (statSync(p).isDirectory() && readdirSync(p).length === 0);
}

/** A path inside a container, resolved against the working directory there. */
function inContainer(workdir: string, p: string): string {
  return path.posix.resolve(workdir, p);
}

interface StageResult {
  fsRoot: string;
  workdir: string;
}

function applyContextCopy(args: string, fsRoot: string, workdir: string, matchers: RegExp[]): number {
  const copy = parseCopy(args);
  const dest = path.join(fsRoot, inContainer(workdir, copy.dest));
  const intoFolder = copy.dest.endsWith('/') || copy.sources.length > 1;
  let count = 0;
  for (const source of copy.sources) {
    const relative = path.posix.normalize(source).replace(/\/$/, '');
    if (ignored(relative, matchers)) fail(`COPY ${source}: .dockerignore excludes it from the build context`);
    copyInto(path.join(root, relative), dest, intoFolder, (file) => !ignored(path.relative(root, file), matchers));
    count += 1;
  }
  return count;
}

/** Where a stage's COPY lines from the build context put things, relative to its working directory. */
function contextCopies(stage: Stage, workdir: string): string[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY' && !parseCopy(i.args).from)
    .flatMap((i) => {
      const copy = parseCopy(i.args);
      const dest = path.posix.relative(workdir, inContainer(workdir, copy.dest));
      const intoFolder = copy.dest.endsWith('/') || copy.sources.length > 1;
      return copy.sources.map((source) => {
        const isFolder = existsSync(path.join(root, source)) && statSync(path.join(root, source)).isDirectory();
        return isFolder || !intoFolder ? dest : path.posix.join(dest, path.posix.basename(source));
      });
    });
}

function isInstallOnly(stage: Stage): boolean {
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN');
  return runs.length > 0 && runs.every((i) => /^npm ci\b/.test(i.args));
}

/** Reproduces a dependency stage: its context copies, then its `npm ci` lines as they are written. */
function reproduceInstallStage(dockerfile: Dockerfile, stage: Stage, scratch: string, matchers: RegExp[]): StageResult {
  const fsRoot = path.join(scratch, `stage-${stage.name}`);
  let workdir = '/';
  for (const instruction of stage.instructions) {
    const where = `${path.relative(root, dockerfile.file)}:${instruction.line}`;
    if (instruction.keyword === 'WORKDIR') workdir = inContainer(workdir, instruction.args);
    else if (instruction.keyword === 'COPY') {
      if (parseCopy(instruction.args).from) fail(`${where}: the install stage copies from another stage; the check reproduces install stages from the build context only`);
      applyContextCopy(instruction.args, fsRoot, workdir, matchers);
    } else if (instruction.keyword === 'RUN') {
      const cwd = path.join(fsRoot, workdir);
      mkdirSync(cwd, { recursive: true });
      const command = `${instruction.args} --prefer-offline`;
      const run = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
      if (run.status !== 0) fail(`${where}: \`${command}\` failed in ${cwd}:\n${run.stderr.slice(-3000)}`);
    } else if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') {
      fail(`${where}: ${instruction.keyword} in an install stage is not reproduced by the check`);
    }
  }
  return { fsRoot, workdir };
}

/** Builds the final stage's file set; returns the image. */
function assemble(dockerfile: Dockerfile, scratch: string): Image {
  const matchers = ignoreMatchers();
  const stages = dockerfile.stages;
  const final = stages.at(-1)!;
  for (const stage of stages) {
    const named = stages.some((other) => other !== stage && other.name === stage.image);
    if (!named && !/@sha256:[0-9a-f]{64}$/.test(stage.image)) fail(`${path.relative(root, dockerfile.file)}: FROM ${stage.image} is not pinned by digest (name@sha256:…)`);
  }
  const fsRoot = path.join(scratch, 'image');
  mkdirSync(fsRoot, { recursive: true });
  const reproduced = new Map<string, StageResult>();
  const moved = new Map<string, string>();
  const image: Image = { fsRoot, home: writableFolder('home-', scratch), workdir: '/', env: {}, user: null, cmd: [], healthcheck: null, files: 0 };

  for (const instruction of final.instructions) {
    const where = `${path.relative(root, dockerfile.file)}:${instruction.line}`;
    switch (instruction.keyword) {
      case 'WORKDIR':
        image.workdir = inContainer(image.workdir, instruction.args);
        mkdirSync(path.join(fsRoot, image.workdir), { recursive: true });
        break;
      case 'ENV':
        Object.assign(image.env, parseEnv(instruction.args));
        break;
      case 'USER':
        image.user = instruction.args;
        break;
      case 'CMD':
        image.cmd = execForm(instruction.args, `${where}: CMD`);
        break;
      case 'HEALTHCHECK':
        image.healthcheck = /\bNONE\b/.test(instruction.args) ? null : execForm(instruction.args.slice(instruction.args.indexOf('CMD')), `${where}: HEALTHCHECK`);
        break;
      case 'EXPOSE':
      case 'LABEL':
      case 'ARG':
        break;
      case 'RUN':
        fail(`${where}: RUN in the final stage cannot be reproduced by the check; do the work in an earlier stage and COPY its result`);
        break;
      case 'COPY': {
        const copy = parseCopy(instruction.args);
        const dest = path.join(fsRoot, inContainer(image.workdir, copy.dest));
        const intoFolder = copy.dest.endsWith('/') || copy.sources.length > 1;
        if (!copy.from) {
          image.files += applyContextCopy(instruction.args, fsRoot, image.workdir, matchers);
          break;
        }
        const stage = stages.find((s) => s.name === copy.from) ?? fail(`${where}: no stage named ${copy.from}`);
        const stageWorkdir = [...stage.instructions].reverse().find((i) => i.keyword === 'WORKDIR')?.args ?? '/';
        for (const source of copy.sources) {
          const absolute = inContainer(stageWorkdir, source);
          let from: string;
          if (isInstallOnly(stage)) {
            const result = reproduced.get(stage.name!) ?? reproduceInstallStage(dockerfile, stage, scratch, matchers);
            reproduced.set(stage.name!, result);
            from = path.join(result.fsRoot, absolute);
          } else {
            // The build stage's working directory is this repository, built by `npm run build`.
            const relative = path.posix.relative(stageWorkdir, absolute);
            if (relative.startsWith('..')) fail(`${where}: ${source} is outside the ${copy.from} stage's working directory`);
            if (!contextCopies(stage, stageWorkdir).some((copied) => relative === copied || relative.startsWith(`${copied}/`))) {
              fail(`${where}: ${source} is not in the ${copy.from} stage: none of its COPY lines brings ${relative} (or a folder holding it) into the stage`);
            }
            from = path.join(root, relative);
          }
          if (!existsSync(moved.get(from) ?? from)) fail(`${where}: COPY --from=${copy.from} ${source}: not there (${path.relative(root, from) || from}); is the repository built?`);
          if (isInstallOnly(stage) && !moved.has(from) && statSync(from).isDirectory() && isMissingOrEmptyFolder(dest)) {
            // A reproduced stage's folder (its whole working directory, or node_modules) is ours
            // to move, saving a copy of thousands of files; a later COPY of it takes it from where it went.
            mkdirSync(path.dirname(dest), { recursive: true });
            rmSync(dest, { recursive: true, force: true });
            renameSync(from, dest);
            moved.set(from, dest);
          } else {
            copyInto(moved.get(from) ?? from, dest, intoFolder, () => true);
          }
          image.files += 1;
        }
        break;
      }
      default:
        fail(`${where}: ${instruction.keyword} is not handled by the check`);
    }
  }
  if (!image.user || image.user === 'root' || image.user === '0') fail(`${path.relative(root, dockerfile.file)}: the final stage must switch to a non-root USER`);
  if (image.cmd.length === 0) fail(`${path.relative(root, dockerfile.file)}: no CMD`);
  return image;
}

// ---- running the image's commands ----

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(image: Image, command: string[], env: Record<string, string>): Running {
  const [program, ...args] = command;
  // A container's environment: the image's ENV and what the task definition sets, nothing of ours.
  const child = spawn(program === 'node' ? process.execPath : program!, args, {
    cwd: path.join(image.fsRoot, image.workdir),
    env: { PATH: process.env.PATH, HOME: image.home, ...image.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...UNPRIVILEGED,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function runToEnd(image: Image, command: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const running = start(image, command, env);
  const code = await running.exited;
  return { code, output: running.output() };
}

async function stop(running: Running, what: string): Promise<void> {
  if (running.child.exitCode !== null) fail(`${what} had already exited (${running.child.exitCode}):\n${running.output().slice(-3000)}`);
  running.child.kill('SIGTERM');
  const code = await running.exited;
  if (code !== 0) fail(`${what} did not stop cleanly on SIGTERM (exit ${code}):\n${running.output().slice(-3000)}`);
}

/** Waits for a running command's condition, failing at once (with its output) if it exits first. */
async function waitWhileRunning(running: Running, check: () => Promise<boolean>, what: string): Promise<void> {
  let exited = false;
  void running.exited.then(() => (exited = true));
  await waitFor(async () => exited || (await check()), { what, timeoutMs: 90_000, intervalMs: 200 }).catch((error: Error) => fail(`${error.message}:\n${running.output().slice(-3000)}`));
  if (exited) fail(`${what}: the process exited (${running.child.exitCode}) first:\n${running.output().slice(-3000)}`);
}

// ---- the two images ----

/** A new bucket on moto, and the environment that points an image's S3 storage at it. */
async function s3OnMoto(moto: Moto): Promise<Record<string, string>> {
  const bucket = `r2w-check-${randomBytes(4).toString('hex')}`;
  await new S3Client({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    STORAGE_DRIVER: 's3',
    S3_BUCKET: bucket,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: moto.region,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
  };
}

async function checkApi(image: Image, moto: Moto): Promise<string> {
  const database = `r2w_check_images_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const dataDir = writableFolder('r2w-check-api-data-');
  try {
    const queue = await new SQSClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials }).send(
      new CreateQueueCommand({ QueueName: `r2w-check-${randomBytes(4).toString('hex')}` }),
    );
    const port = await freePort();
    const databaseUrl = new URL(POSTGRES_ADMIN_URL);
    databaseUrl.pathname = `/${database}`;
    // The API task definition's environment, with moto for S3 and SQS.
    const env: Record<string, string> = {
      PORT: String(port),
      METRICS_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '1',
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      REDIS_KEY_PREFIX: `r2w-check-images:${randomUUID()}:`,
      JWT_SECRET: randomBytes(48).toString('base64'),
      ...(await s3OnMoto(moto)),
      QUEUE_DRIVER: 'sqs',
      SQS_QUEUE_URL: queue.QueueUrl!,
      // As the stack sets it until the plan is configured (ecs/src/services.ts).
      PAYMENTS: 'off',
    };

    const migrated = await runToEnd(image, MIGRATE_COMMAND, { DATABASE_URL: env.DATABASE_URL! });
    if (migrated.code !== 0) fail(`the migration task (${MIGRATE_COMMAND.join(' ')}) exited ${migrated.code}:\n${migrated.output.slice(-3000)}`);
    const tables = await admin.query(`SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`, [database]);
    if (tables.rows[0].n !== 1) fail('the migration ran but the database is gone');

    const api = start(image, image.cmd, env);
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitWhileRunning(api, async () => (await fetch(`${base}/health/ready`)).status === 200, `${image.cmd.join(' ')} to answer /health/ready with 200`);
      const spa = await fetch(`${base}/`);
      if (!spa.ok || !(spa.headers.get('content-type') ?? '').includes('text/html')) fail(`GET / did not serve the SPA (${spa.status} ${spa.headers.get('content-type')})`);
      if (image.healthcheck) {
        const health = await runToEnd(image, image.healthcheck, env);
        if (health.code !== 0) fail(`the image's HEALTHCHECK (${image.healthcheck.join(' ')}) exited ${health.code}:\n${health.output}`);
      } else fail('the API image has no HEALTHCHECK');

      // Its start is announced at info level.
      const worker = start(image, WORKER_COMMAND, { ...env, LOG_LEVEL: 'info' });
      await waitWhileRunning(worker, async () => worker.output().includes('extraction worker started'), `${WORKER_COMMAND.join(' ')} to start on SQS`);
      // One upload through both: the API stores it in S3 and queues it, the worker's parser
      // process reads it and the offline extractor fills the CV.
      const uploaded = await uploadCv(base);
      const cv = await waitForCvStatus(base, uploaded, ['ready', 'failed'], 90_000).catch((error: Error) => fail(`${error.message}\nworker:\n${worker.output().slice(-3000)}`));
      if (cv.status !== 'ready') fail(`the uploaded CV ended ${cv.status}: ${JSON.stringify(cv).slice(0, 500)}\nworker:\n${worker.output().slice(-3000)}`);
      await stop(worker, 'the worker');
      await checkPhotoUpload(base, uploaded);
    } finally {
      if (api.child.exitCode === null) await stop(api, 'the API');
    }
    // The image installs with --ignore-scripts: on PostgreSQL and SQS the SQLite addon must never load.
    const addon = existsSync(path.join(image.fsRoot, image.workdir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')) ? 'compiled' : 'not compiled, never loaded';
    await checkShareImage(image, dataDir);
    return `api: better-sqlite3 addon ${addon}; migrate exit 0 (PostgreSQL ${database}); ${image.cmd.join(' ')} /health/ready 200 on PostgreSQL + Redis + S3/SQS (moto), SPA served, HEALTHCHECK exit 0; ${WORKER_COMMAND.join(' ')} started on SQS and extracted an uploaded CV (ready); both stopped cleanly on SIGTERM; a photo upload was cropped to 512×512 by the image's sharp; a share image was drawn with text and no system fonts`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

/** A photo through the image's sharp, whose native libvips comes from the @img/* package `npm ci` installed for this platform. */
async function checkPhotoUpload(base: string, cv: { id: string; claimToken: string }): Promise<void> {
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();
  const put = await fetch(`${base}/api/v1/cvs/${cv.id}/photo?x=80&y=0&width=480&height=480`, { method: 'PUT', headers: { 'content-type': 'image/png', 'x-claim-token': cv.claimToken }, body: png });
  if (put.status !== 200) fail(`PUT /api/v1/cvs/:id/photo answered ${put.status}: ${await put.text()}`);
  const got = await fetch(`${base}/api/v1/cvs/${cv.id}/photo`, { headers: { 'x-claim-token': cv.claimToken } });
  const { format, width, height } = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
  if (got.status !== 200 || format !== 'jpeg' || width !== 512 || height !== 512) fail(`the stored photo is ${got.status} ${format} ${width}×${height}, not a 512×512 JPEG`);
}

/**
 * The share image's text is set in a font file the install carries (pdfjs-dist's Liberation
 * Sans): the slim base image has no fonts at all. Drawn here with fontconfig told of none, so
 * a font taken from this machine instead cannot hide a missing one.
 */
async function checkShareImage(image: Image, dataDir: string): Promise<void> {
  const noFonts = path.join(dataDir, 'no-fonts.conf');
  writeFileSync(noFonts, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>\n');
  const script = `
    const sharp = require('sharp');
    const { drawOpenGraphImage } = require('./backend/dist/photos/open-graph-image.js');
    const card = { name: 'Check Images', headline: 'Share image', dir: 'ltr', colours: { background: '#ffffff', text: '#000000', muted: '#555555', accent: '#1f4fd1' } };
    drawOpenGraphImage(card, null).then(async (png) => {
      const { width, height } = await sharp(png).metadata();
      // The ink right of the accent bar: the name set in the font is about 480 pixels wide;
      // without a font, pango draws small boxes a quarter of that.
      const text = await sharp(png).extract({ left: 40, top: 0, width: 1160, height: 630 }).toBuffer();
      const { info } = await sharp(text).trim({ background: '#ffffff' }).toBuffer({ resolveWithObject: true });
      console.log(JSON.stringify({ width, height, inkWidth: info.width }));
      process.exit(width === 1200 && height === 630 && info.width >= 300 ? 0 : 1);
    });`;
  const run = await runToEnd(image, ['node', '-e', script], { FONTCONFIG_FILE: noFonts });
  if (run.code !== 0) fail(`the share image was not drawn with its text (exit ${run.code}):\n${run.output.slice(-3000)}`);
}

async function checkBuilder(image: Image, moto: Moto): Promise<string> {
  // As the builder task definition runs it in AWS: the job's input and the site in S3 (moto).
  const env: Record<string, string> = { ...(await s3OnMoto(moto)), LOG_LEVEL: 'warn' };
  // The input as the API writes it (backend/src/builds/build-jobs.ts), through the same storage
  // adapter, whose SDK client takes its credentials from this process's environment.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY });
  const storage = createStorage(storageSettings(StorageEnvSchema.parse(env)));
  const input = BuildInputSchema.parse({
    buildId: randomUUID(),
    portfolioId: randomUUID(),
    templateId: 'modern',
    settings: { siteUrl: 'https://check-images.example.com/' },
    cv: SAMPLE_CV,
    images: { photo: true, openGraphImage: true },
  });
  const prefix = buildJobPrefix(input.portfolioId, input.buildId);
  // The images the API draws (the builder carries no image library): copied into the site as they are.
  const photo = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#3366aa' } })
    .jpeg()
    .toBuffer();
  const shareImage = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  await storage.put(buildJobKeys(prefix).photo, photo, { contentType: 'image/jpeg' });
  await storage.put(buildJobKeys(prefix).openGraphImage, shareImage, { contentType: 'image/png' });
  await storage.put(buildJobKeys(prefix).input, JSON.stringify(input), { contentType: 'application/json' });

  const run = await runToEnd(image, image.cmd, { ...env, BUILD_JOB: prefix });
  if (run.code !== 0) fail(`${image.cmd.join(' ')} exited ${run.code}:\n${run.output.slice(-3000)}`);
  const result = BuildResultSchema.parse(JSON.parse(await readObjectText(storage, buildJobKeys(prefix).result)));
  if (result.status !== 'succeeded') fail(`the build's result.json says ${JSON.stringify(result)}`);
  const site = siteFilesPrefix(input.portfolioId, input.buildId);
  const index = await readObjectText(storage, `${site}index.html`).catch(() => fail(`the build succeeded but ${site}index.html is missing`));
  const name = SAMPLE_CV.hero.fullName ?? fail('the sample CV has no name to look for');
  if (!index.includes(name)) fail(`${site}index.html does not show the CV's name`);
  // The fonts come from the copies the image carries beside the bundle (it has no other node_modules).
  const fonts = [...index.matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)].map((match) => match[1]!);
  if (fonts.length === 0) fail(`${site}index.html asks for no font file`);
  for (const font of fonts) {
    const head = await storage.head(`${site}${font}`);
    if (head?.contentType !== 'font/woff2' || head.size === 0) fail(`${site}${font}, which index.html asks for, is ${head ? `${head.contentType}, ${head.size} bytes` : 'missing'}`);
  }
  const copied = await readObjectBytes(storage, `${site}${SITE_IMAGES.openGraphImage}`).catch(() => fail(`the build succeeded but ${site}${SITE_IMAGES.openGraphImage} is missing`));
  if (!copied.equals(shareImage) || !index.includes(`src="${SITE_IMAGES.photo}"`)) fail('the site does not carry the images its build was given');
  return `builder: ${image.cmd.join(' ')} exit 0 on S3 (moto), result.json succeeded (${result.fileCount} files, ${result.totalBytes} bytes), index.html names the CV and shows the photo, the share image copied as given, its ${fonts.length} font files are there`;
}

const IMAGES = {
  api: { dockerfile: 'backend/Dockerfile', check: checkApi },
  builder: { dockerfile: 'portfolio-task/Dockerfile', check: checkBuilder },
} as const;

async function main(): Promise<number> {
  const began = Date.now();
  const asked = process.argv.slice(2);
  const names = (asked.length > 0 ? asked : Object.keys(IMAGES)) as (keyof typeof IMAGES)[];
  for (const name of names) if (!(name in IMAGES)) fail(`unknown image "${name}": one of ${Object.keys(IMAGES).join(', ')}`);
  const moto = await startMoto();
  try {
    for (const name of names) {
      const started = Date.now();
      const scratch = mkdtempSync(path.join(os.tmpdir(), `r2w-check-image-${name}-`));
      // Readable by the image's user, as an image's files are.
      chmodSync(scratch, 0o755);
      try {
        const image = assemble(parseDockerfile(path.join(root, IMAGES[name].dockerfile)), scratch);
        const checked = await IMAGES[name].check(image, moto);
        console.log(`check-images: ${IMAGES[name].dockerfile}: ${checked} (USER ${image.user}, ${image.files} copies, ${Math.round((Date.now() - started) / 1000)} s)`);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
  } finally {
    await moto.stop();
  }
  console.log(
    `check-images: ${names.length} images checked in ${Math.round((Date.now() - began) / 1000)} s (their commands run as ${UNPRIVILEGED ? 'nobody, owning none of the image files' : 'the current user'})`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`check-images: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof CheckFailed) && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
