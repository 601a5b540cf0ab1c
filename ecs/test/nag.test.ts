import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { createApp } from '../src/app';
import cdkJson from '../cdk.json';

// cdk-nag's AwsSolutions pack over the whole app: no finding left that is not acknowledged,
// and every acknowledgement says why. (The global set-up's synth also runs the pack as a
// validation plugin, which fails the run outright on a finding.)

function acknowledgmentsIn(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      // Recorded as { [rule id]: reason }.
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason }))),
  );
}

describe('cdk-nag AwsSolutions', () => {
  const { app } = createApp({ ...cdkJson.context });

  it('finds nothing unacknowledged in the stack', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.resourceLogicalId).join(',')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('has a specific reason for every acknowledgement', () => {
    const acknowledgments = acknowledgmentsIn(app);
    expect(acknowledgments.length).toBeGreaterThan(10);
    for (const { path, id, reason } of acknowledgments) {
      // A sentence naming the case, not "ok" or "not needed".
      expect([path, id, reason.length >= 40]).toEqual([path, id, true]);
    }
    const reasons = acknowledgments.filter((a) => a.id.includes('AwsSolutions')).map((a) => a.reason);
    expect(reasons.length).toBeGreaterThan(10);
  });

  it('acknowledges only findings the pack really makes (no stale suppression)', () => {
    // cdk-nag asks isAcknowledged() for each finding it would report; recording its yeses
    // gives the acknowledgements in use. (A private method of the pinned cdk-nag 3.0.2.)
    const pack = NagPack.prototype as unknown as { isAcknowledged?: (node: IConstruct, ruleId: string) => boolean };
    const original = pack.isAcknowledged;
    if (typeof original !== 'function') throw new Error('cdk-nag no longer has NagPack.isAcknowledged: find another way to see which acknowledgements are used');
    const used = new Set<string>();
    pack.isAcknowledged = function (this: unknown, node: IConstruct, ruleId: string) {
      const acknowledged = original.call(this, node, ruleId);
      if (acknowledged) used.add(ruleId);
      return acknowledged;
    };
    try {
      new AwsSolutionsChecks(app).validateScope(app);
    } finally {
      pack.isAcknowledged = original;
    }
    const stale = acknowledgmentsIn(app)
      .map(({ path, id }) => ({ path, id: id.replace(/^annotation::/i, '') }))
      .filter(({ id }) => id.startsWith('AwsSolutions-') && !used.has(id));
    expect(stale).toEqual([]);
  });

  it('reports a finding nobody acknowledged, and the synth fails on it', () => {
    const probe = new App();
    const stack = new Stack(probe, 'Probe');
    new sqs.Queue(stack, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    Validations.of(probe).addPlugins(new AwsSolutionsChecks(probe));
    const rules = new AwsSolutionsChecks(probe).validateScope(probe).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining([expect.stringMatching(/AwsSolutions-SQS3/), expect.stringMatching(/AwsSolutions-SQS4/)]));
    expect(() => probe.synth()).toThrow(/AwsSolutions-SQS/);
  });
});
