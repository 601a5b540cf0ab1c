import { SecretValue } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge';

export interface AppSecretsProps {
  useClaude: boolean;
  payments: boolean;
}

/**
 * The API's own secrets. The JWT secret is generated; the Anthropic key is a placeholder the
 * app refuses at start (shorter than a key), so a deployment that forgot to fill it fails
 * loudly instead of extracting every CV offline in silence.
 */
export class AppSecrets extends Construct {
  readonly jwtSecret: secretsmanager.Secret;
  readonly anthropicApiKey: secretsmanager.Secret | undefined;
  readonly stripe: { secretKey: secretsmanager.Secret; webhookSecret: secretsmanager.Secret } | undefined;

  constructor(scope: Construct, id: string, props: AppSecretsProps) {
    super(scope, id);
    this.jwtSecret = new secretsmanager.Secret(this, 'JwtSecret', {
      description: 'JWT_SECRET: signs access tokens; every API replica and the worker need the same one.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(this.jwtSecret, {
      'AwsSolutions-SMG4': 'A rotation signs out every user at once (their access tokens stop verifying); rotate by hand in a quiet hour, then restart the services.',
    });
    if (props.useClaude) {
      this.anthropicApiKey = new secretsmanager.Secret(this, 'AnthropicApiKey', {
        description: 'ANTHROPIC_API_KEY: put the key here (aws secretsmanager put-secret-value) before the services start.',
        secretStringValue: SecretValue.unsafePlainText('fill-me'),
      });
      acknowledge(this.anthropicApiKey, { 'AwsSolutions-SMG4': 'A third-party API key: Anthropic issues it, so it is rotated in their console and pasted here, not by a Lambda.' });
    }
    if (props.payments) {
      // Placeholders the app refuses at start (not sk_…/whsec_…), like the Anthropic key's.
      const stripeSecret = (id: string, description: string) => {
        const secret = new secretsmanager.Secret(this, id, { description, secretStringValue: SecretValue.unsafePlainText('fill-me') });
        acknowledge(secret, { 'AwsSolutions-SMG4': 'Issued by Stripe: rolled in the Stripe dashboard and pasted here, not by a Lambda.' });
        return secret;
      };
      this.stripe = {
        secretKey: stripeSecret('StripeSecretKey', 'STRIPE_SECRET_KEY: the Stripe secret (or restricted) key; put it here before the services start.'),
        webhookSecret: stripeSecret('StripeWebhookSecret', 'STRIPE_WEBHOOK_SECRET: the signing secret of the webhook endpoint <public URL>/api/v1/payments/webhook.'),
      };
    }
  }
}
