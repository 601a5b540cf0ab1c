// Prints what `npm run synth` produced: the stack's resources counted by type, and each
// validation plugin's result (cdk-nag AwsSolutions among them) from cdk.out.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const OUT = path.join(__dirname, '..', 'cdk.out');
const TEMPLATE = path.join(OUT, 'Resume2Website.template.json');
const REPORT = path.join(OUT, 'validation-report.json');
const METADATA = path.join(OUT, 'Resume2Website.metadata.json');
const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';

if (!existsSync(TEMPLATE)) {
  console.error(`${path.relative(process.cwd(), TEMPLATE)} is missing: run \`npm run synth\` first.`);
  process.exit(1);
}
const resources = Object.values(JSON.parse(readFileSync(TEMPLATE, 'utf8')).Resources ?? {});
const counts = new Map();
for (const { Type } of resources) counts.set(Type, (counts.get(Type) ?? 0) + 1);
const width = Math.max(...[...counts.keys()].map((type) => type.length));
console.log(`Resume2Website: ${resources.length} resources, ${counts.size} types`);
for (const [type, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${type.padEnd(width)}  ${count}`);

// A plugin reports only what it found; cdk-nag writes nothing when it found nothing left unacknowledged.
const reports = existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, 'utf8')).pluginReports ?? []) : [];
for (const plugin of reports) {
  const suppressed = (plugin.suppressedViolations ?? []).length;
  console.log(`${plugin.pluginName}: ${plugin.conclusion}, ${(plugin.violations ?? []).length} unsuppressed, ${suppressed} acknowledged with a reason`);
}
if (!reports.some((plugin) => plugin.pluginName === 'AwsSolutions')) {
  const entries = Object.values(JSON.parse(readFileSync(METADATA, 'utf8'))).flat();
  const acknowledged = entries
    .filter((entry) => entry.type === ACKNOWLEDGED)
    .flatMap((entry) => Object.keys(entry.data))
    .filter((id) => id.includes('AwsSolutions-'));
  console.log(
    `cdk-nag AwsSolutions: success, 0 unsuppressed, ${acknowledged.length} findings acknowledged with a reason (${new Set(acknowledged.map((id) => id.replace(/^\w+::/, '').replace(/\[.*$/, ''))).size} rules)`,
  );
}
