import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../src/app';
import cdkJson from '../../cdk.json';

/** The template `npm run synth` makes, synthesized once for the run by global-setup.ts. */
export function synthesizedTemplate(): Template {
  const dir = process.env.R2W_ECS_SYNTH_DIR;
  if (!dir) throw new Error('R2W_ECS_SYNTH_DIR is not set: run the tests through ecs/jest.config.js, whose global set-up synthesizes the stack');
  return Template.fromJSON(JSON.parse(readFileSync(path.join(dir, 'template.json'), 'utf8')));
}

/**
 * The stack with other context than cdk.json's, synthesized as `npm run synth` does (cdk-nag
 * included: a finding throws). Each call is a synth of its own: seconds of CPU.
 */
export function synthesize(overrides: Record<string, unknown>) {
  const { app, stack } = createApp({ ...cdkJson.context, ...overrides });
  const assembly = app.synth();
  return { app, stack, template: Template.fromJSON(assembly.getStackByName(stack.stackName).template) };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** The one resource of a type whose logical id starts with `prefix` (construct paths make logical ids). */
export function resourceNamed(template: Template, type: string, prefix: string): { id: string; props: Record<string, any> } {
  const matches = Object.entries(template.findResources(type) as Resources).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`Expected one ${type} named ${prefix}*, found ${matches.map(([id]) => id).join(', ') || 'none'}`);
  const [id, resource] = matches[0]!;
  return { id, props: resource.Properties ?? {} };
}

/** A CloudFormation value written out as text: Fn::Join joined, <Ref> and <Resource.Attribute> in place of references. */
export function writtenOut(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(writtenOut).join(v['Fn::Join'][0]);
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::GetAtt']) return `<${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  if (v['Fn::Select']) return `<select ${v['Fn::Select'][0]} of ${writtenOut(v['Fn::Select'][1])}>`;
  if (v['Fn::Split']) return `<split ${writtenOut(v['Fn::Split'][1])} at ${v['Fn::Split'][0]}>`;
  throw new Error(`Cannot write out ${JSON.stringify(value)}`);
}
