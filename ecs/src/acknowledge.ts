import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Accepts a cdk-nag finding on one construct (and its children) with the reason it is
 * accepted. Every suppression in this app goes through here, so `grep acknowledge(` lists them all.
 */
export function acknowledge(scope: IConstruct, rules: Record<string, string>): void {
  Validations.of(scope).acknowledge(...Object.entries(rules).map(([id, reason]) => ({ id, reason })));
}

/** How cdk-nag writes a reference to a resource's ARN in a finding's id: <LogicalId.Arn>. */
export function nagArnOf(resource: IConstruct): string {
  const cfn = resource.node.defaultChild as CfnResource;
  const stack = Stack.of(resource);
  return `<${stack.resolve(stack.getLogicalId(cfn)) as string}.Arn>`;
}

/** How cdk-nag writes a Ref to a resource (a cluster's name, say): <LogicalId>. */
export function nagRefOf(resource: IConstruct): string {
  const cfn = resource.node.defaultChild as CfnResource;
  const stack = Stack.of(resource);
  return `<${stack.resolve(stack.getLogicalId(cfn)) as string}>`;
}
