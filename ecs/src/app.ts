import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Resume2WebsiteStack } from './resume2website-stack';
import { readSettings } from './settings';

export const STACK_NAME = 'Resume2Website';

/**
 * The CDK app: one account-agnostic stack (no account or region lookups, so synth needs
 * no AWS credentials) checked by cdk-nag's AwsSolutions pack, whose findings fail the synth.
 */
export function createApp(context: Record<string, unknown> = {}, outdir?: string): { app: App; stack: Resume2WebsiteStack } {
  const app = new App({ context, outdir });
  const settings = readSettings(app.node);
  const stack = new Resume2WebsiteStack(app, STACK_NAME, {
    // The region is fixed (load balancer logs and CloudFront need it); the account is left
    // to deployment time, so nothing is looked up while synthesizing.
    env: { region: settings.region },
    description: 'Resume2Website: API and worker on ECS Fargate, builder tasks, Aurora, Redis, S3 and CloudFront',
    settings,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
