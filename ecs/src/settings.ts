import type { Node } from 'constructs';

// What may differ between deployments, read from CDK context (cdk.json, or `-c name=value`).
// Every value is checked here, so a typo fails the synth with a sentence instead of a stack
// that deploys and misbehaves.

export interface DeploymentSettings {
  /** The one region everything is in (the account comes from the credentials at deploy time). */
  region: string;
  /** Days after which never-published builds are swept (the app's BUILD_RETENTION_DAYS) and the bucket expires what the sweep leaves. */
  buildRetentionDays: number;
  /** Days CloudWatch keeps the services' logs. */
  logRetentionDays: number;
  /** Tag of both images in ECR (the commit SHA deploy.yml pushes). */
  imageTag: string;
  /** false for the first deployment, before any image exists: the services are created with no tasks. */
  servicesRunning: boolean;
  /** Whether the API and worker get ANTHROPIC_API_KEY (without it the offline extractor does all the work). */
  useClaude: boolean;
  auroraMinCapacity: number;
  auroraMaxCapacity: number;
  /** The sender of the app's mail (password reset links), sent with SES: an address of an identity verified in SES in `region`. */
  mailFrom: string;
  /** Where alarms are e-mailed; empty: subscribe to the SNS topic yourself. */
  alarmEmail: string;
  /** The paid plan (Stripe Embedded Checkout); absent: PAYMENTS=off and publishing is free. */
  payments?: PaymentSettings;
  /** Optional custom domain: its name and an ACM certificate in us-east-1 covering it. */
  domainName?: string;
  certificateArn?: string;
}

/** What the app needs to show and sell the plan; its two Stripe secrets go to Secrets Manager. */
export interface PaymentSettings {
  stripePriceId: string;
  stripePublishableKey: string;
  planAmount: number;
  planCurrency: string;
}

const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function fail(name: string, message: string, value: unknown): never {
  throw new Error(`CDK context "${name}" ${message} (got ${JSON.stringify(value)}); set it in ecs/cdk.json or with -c ${name}=...`);
}

// `-c name=value` arrives as a string, cdk.json values as JSON.
function numberOf(node: Node, name: string, check: (n: number) => boolean, rule: string): number {
  const raw: unknown = node.tryGetContext(name);
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) fail(name, rule, raw);
  return value;
}

function booleanOf(node: Node, name: string): boolean {
  const raw: unknown = node.tryGetContext(name);
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  return fail(name, 'must be true or false', raw);
}

function stringOf(node: Node, name: string, pattern: RegExp, rule: string): string | undefined {
  const raw: unknown = node.tryGetContext(name);
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !pattern.test(raw)) fail(name, rule, raw);
  return raw;
}

export function readSettings(node: Node): DeploymentSettings {
  const auroraMinCapacity = numberOf(node, 'auroraMinCapacity', (n) => n >= 0 && n <= 256 && n * 2 === Math.round(n * 2), 'must be 0 to 256 ACU in steps of 0.5');
  const domainName = stringOf(node, 'domainName', /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case DNS name');
  const certificateArn = stringOf(
    node,
    'certificateArn',
    /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/,
    'must be an ACM certificate ARN in us-east-1 (CloudFront reads certificates only there)',
  );
  if ((domainName === undefined) !== (certificateArn === undefined)) fail('domainName', 'and certificateArn must be given together', domainName ?? certificateArn);
  const stripePriceId = stringOf(node, 'stripePriceId', /^price_\w+$/, 'must be a Stripe price id (price_…)');
  const payments: PaymentSettings | undefined =
    stripePriceId === undefined
      ? undefined
      : {
          stripePriceId,
          stripePublishableKey:
            stringOf(node, 'stripePublishableKey', /^pk_(test|live)_\w+$/, 'must be a Stripe publishable key') ?? fail('stripePublishableKey', 'is required with stripePriceId', undefined),
          planAmount: numberOf(node, 'planAmount', (n) => Number.isInteger(n) && n >= 1, 'must be the price in minor units (e.g. 1900 for 19.00), required with stripePriceId'),
          planCurrency: stringOf(node, 'planCurrency', /^[a-z]{3}$/, 'must be a lower-case ISO currency code such as eur') ?? fail('planCurrency', 'is required with stripePriceId', undefined),
        };
  return {
    region: stringOf(node, 'region', /^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as us-east-1') ?? fail('region', 'is required', undefined),
    buildRetentionDays: numberOf(node, 'buildRetentionDays', (n) => Number.isInteger(n) && n >= 1 && n <= 365, 'must be a whole number of days, 1 to 365'),
    logRetentionDays: numberOf(node, 'logRetentionDays', (n) => LOG_RETENTION_DAYS.includes(n), `must be one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(', ')}`),
    imageTag: stringOf(node, 'imageTag', /^[\w][\w.-]{0,127}$/, 'must be a Docker image tag') ?? fail('imageTag', 'is required', undefined),
    servicesRunning: booleanOf(node, 'servicesRunning'),
    useClaude: booleanOf(node, 'useClaude'),
    auroraMinCapacity,
    auroraMaxCapacity: numberOf(
      node,
      'auroraMaxCapacity',
      (n) => n >= Math.max(1, auroraMinCapacity) && n <= 256 && n * 2 === Math.round(n * 2),
      'must be 1 to 256 ACU in steps of 0.5, and at least auroraMinCapacity',
    ),
    mailFrom:
      stringOf(node, 'mailFrom', /^([^<>\r\n]+ )?<?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, 'must be an address, optionally with a name: Resume2Website <no-reply@example.com>') ??
      fail('mailFrom', 'is required (the sender of password reset mail, verified in SES)', undefined),
    alarmEmail: stringOf(node, 'alarmEmail', /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an e-mail address') ?? '',
    payments,
    domainName,
    certificateArn,
  };
}
