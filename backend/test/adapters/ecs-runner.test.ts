import { CreateClusterCommand, DescribeTasksCommand, ECSClient, InvalidParameterException, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { EcsTaskRunner, type EcsTaskRunnerOptions } from '../../src/adapters/task-runner/ecs-runner';
import { AppError, DependencyError } from '@r2w/cv-schema';
import { expectPromptAwsFailure } from '../support/aws-failures';
import { startMoto, type Moto } from '../support/moto';
import { freePort } from '../support/ports';

const CLUSTER = 'builds';
const CONTAINER = 'builder';

/** Tiny EC2 query-API client: the EC2 SDK is not a dependency, and moto does not check signatures. */
async function ec2Query(moto: Moto, action: string, params: Record<string, string>): Promise<string> {
  const response = await fetch(moto.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // moto routes a request by the service named in its credential scope; without one
      // it would answer as S3.
      authorization: `AWS4-HMAC-SHA256 Credential=${moto.credentials.accessKeyId}/20260101/${moto.region}/ec2/aws4_request, SignedHeaders=host, Signature=unsigned`,
    },
    body: new URLSearchParams({ Action: action, Version: '2016-11-15', ...params }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`EC2 ${action} failed: ${response.status} ${text}`);
  return text;
}

function firstXmlValue(xml: string, tag: string): string {
  const value = new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1];
  if (!value) throw new Error(`no <${tag}> in ${xml}`);
  return value;
}

/** moto moves a task one lifecycle step per DescribeTasks by default; this holds or releases it. */
async function setTaskStepsPerDescribe(moto: Moto, describesPerStep: number): Promise<void> {
  const response = await fetch(`${moto.endpoint}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    body: JSON.stringify({ model_name: 'ecs::task', transition: { progression: 'manual', times: describesPerStep } }),
  });
  expect(response.status).toBe(201);
}

describe('EcsTaskRunner against moto', () => {
  let moto: Moto;
  let ecs: ECSClient;
  let options: EcsTaskRunnerOptions;
  let runner: EcsTaskRunner;
  let subnet: string;

  beforeAll(async () => {
    moto = await startMoto();
    ecs = new ECSClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'r2w-builder',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '512',
        memory: '1024',
        containerDefinitions: [{ name: CONTAINER, image: 'r2w/builder:test', essential: true, cpu: 512, memory: 1024 }],
      }),
    );
    const subnets = await ec2Query(moto, 'DescribeSubnets', { 'Filter.1.Name': 'default-for-az', 'Filter.1.Value.1': 'true' });
    subnet = firstXmlValue(subnets, 'subnetId');
    const groups = await ec2Query(moto, 'DescribeSecurityGroups', {
      'Filter.1.Name': 'vpc-id',
      'Filter.1.Value.1': firstXmlValue(subnets, 'vpcId'),
      'Filter.2.Name': 'group-name',
      'Filter.2.Value.1': 'default',
    });
    options = {
      cluster: CLUSTER,
      taskDefinition: 'r2w-builder',
      containerName: CONTAINER,
      subnets: [subnet],
      securityGroups: [firstXmlValue(groups, 'groupId')],
      assignPublicIp: true,
      region: moto.region,
      endpoint: moto.endpoint,
      credentials: moto.credentials,
    };
    runner = new EcsTaskRunner(options);
  });

  beforeEach(async () => {
    await setTaskStepsPerDescribe(moto, 1_000);
  });

  afterAll(async () => {
    ecs?.destroy();
    await moto?.stop();
  });

  it('starts a Fargate task with the env as container overrides and reports it running', async () => {
    const { taskId } = await runner.start({ env: { BUILD_ID: 'build-42', STAGE: 'test' }, startedBy: 'req 7:abc' });
    expect(taskId).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:task\/builds\/[0-9a-f-]{36}$/);

    const described = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [taskId] }));
    const task = described.tasks?.[0];
    expect(task?.overrides?.containerOverrides).toStrictEqual([
      {
        name: CONTAINER,
        environment: [
          { name: 'BUILD_ID', value: 'build-42' },
          { name: 'STAGE', value: 'test' },
        ],
      },
    ]);
    expect(task?.launchType).toBe('FARGATE');
    expect(task?.startedBy).toBe('req-7-abc');
    expect(task?.attachments?.[0]?.details).toContainEqual({ name: 'subnetId', value: subnet });

    expect(await runner.status(taskId)).toStrictEqual({ taskId, state: 'running', exitCode: null });
  });

  it('stops a task with the reason, and reports it stopped', async () => {
    const { taskId } = await runner.start({ env: { BUILD_ID: 'build-43' } });
    await runner.stop(taskId, 'cancelled by the user');
    // moto reports exit code 0 for every container; ECS would give the container's own.
    expect(await runner.status(taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: 0, reason: 'cancelled by the user' });
  });

  it('reports a task as running until ECS says STOPPED', async () => {
    const { taskId } = await runner.start({ env: { BUILD_ID: 'build-44' } });
    await setTaskStepsPerDescribe(moto, 1);
    // moto walks RUNNING -> DEACTIVATING -> STOPPING -> DEPROVISIONING -> STOPPED.
    const states = [];
    for (let i = 0; i < 4; i++) states.push((await runner.status(taskId)).state);
    expect(states).toStrictEqual(['running', 'running', 'running', 'stopped']);
    expect(await runner.status(taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: 0 });
  });

  it('reports a task ECS does not know as stopped with a reason', async () => {
    const taskId = `arn:aws:ecs:${moto.region}:123456789012:task/${CLUSTER}/00000000-0000-4000-8000-000000000000`;
    expect(await runner.status(taskId)).toStrictEqual({
      taskId,
      state: 'stopped',
      exitCode: null,
      reason: 'ECS no longer knows this task (it keeps stopped tasks for about an hour)',
    });
  });

  it('turns a refused request (missing cluster) into an internal error, not a dependency outage', async () => {
    const misconfigured = new EcsTaskRunner({ ...options, cluster: 'no-such-cluster' });
    const attempt = misconfigured.start({ env: {} });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.not.toBeInstanceOf(DependencyError);
    await expect(attempt).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('ClusterNotFoundException') });
  });

  it('fails fast with DEPENDENCY_UNAVAILABLE when ECS cannot be reached', async () => {
    const unreachable = new EcsTaskRunner({ ...options, endpoint: `http://127.0.0.1:${await freePort()}` });
    for (const call of [
      () => unreachable.start({ env: {} }),
      () => unreachable.status('arn:aws:ecs:us-east-1:123456789012:task/builds/x'),
      () => unreachable.stop('arn:aws:ecs:us-east-1:123456789012:task/builds/x', 'r'),
    ]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'DependencyError', code: 'DEPENDENCY_UNAVAILABLE', status: 503 });
      expectPromptAwsFailure(err, 2);
    }
  });
});

describe('EcsTaskRunner requests', () => {
  // Created here rather than at collection time: it patches every ECSClient, moto's too.
  let ecsMock: AwsClientStub<ECSClient>;
  const options: EcsTaskRunnerOptions = {
    cluster: 'prod-builds',
    taskDefinition: 'r2w-builder:7',
    containerName: 'builder',
    subnets: ['subnet-a', 'subnet-b'],
    securityGroups: ['sg-1'],
    assignPublicIp: false,
    region: 'eu-west-1',
  };
  const taskArn = 'arn:aws:ecs:eu-west-1:123456789012:task/prod-builds/abc';

  beforeAll(() => {
    ecsMock = mockClient(ECSClient);
  });
  beforeEach(() => ecsMock.reset());
  afterAll(() => ecsMock.restore());

  it('sends RunTask with the network config, env overrides and a sanitised startedBy', async () => {
    ecsMock.on(RunTaskCommand).resolves({ tasks: [{ taskArn }], failures: [] });
    const runner = new EcsTaskRunner(options);

    await expect(runner.start({ env: { BUILD_ID: 'b-1', CV_KEY: 'uploads/u/cv.pdf' }, startedBy: 'req:ä 1234567890/abcdefghijklmnopqrstuvwxyz' })).resolves.toStrictEqual({
      taskId: taskArn,
    });
    const calls = ecsMock.commandCalls(RunTaskCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toStrictEqual({
      cluster: 'prod-builds',
      taskDefinition: 'r2w-builder:7',
      launchType: 'FARGATE',
      count: 1,
      clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
      startedBy: 'req---1234567890/abcdefghijklmnopqrs',
      propagateTags: 'TASK_DEFINITION',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
      overrides: {
        containerOverrides: [
          {
            name: 'builder',
            environment: [
              { name: 'BUILD_ID', value: 'b-1' },
              { name: 'CV_KEY', value: 'uploads/u/cv.pdf' },
            ],
          },
        ],
      },
    });
  });

  describe('on Fargate Spot with an on-demand fallback', () => {
    const spotOptions = { ...options, capacity: 'spot-with-fallback' as const };
    const shortage = { tasks: [], failures: [{ reason: 'Capacity is unavailable at this time. Please try again later or in a different availability zone' }] };
    const capacityOf = (call: number) => {
      const { launchType, capacityProviderStrategy } = ecsMock.commandCalls(RunTaskCommand)[call]!.args[0].input;
      return { launchType, capacityProviderStrategy };
    };

    it('starts the build on Spot when Spot has room', async () => {
      ecsMock.on(RunTaskCommand).resolves({ tasks: [{ taskArn }], failures: [] });
      await expect(new EcsTaskRunner(spotOptions).start({ env: {} })).resolves.toStrictEqual({ taskId: taskArn });
      expect(ecsMock.commandCalls(RunTaskCommand)).toHaveLength(1);
      expect(capacityOf(0)).toStrictEqual({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
    });

    it('starts it on on-demand Fargate at once when Spot has no capacity, with a request of its own', async () => {
      ecsMock
        .on(RunTaskCommand)
        .resolvesOnce(shortage)
        .resolves({ tasks: [{ taskArn }], failures: [] });
      await expect(new EcsTaskRunner(spotOptions).start({ env: {} })).resolves.toStrictEqual({ taskId: taskArn });
      const calls = ecsMock.commandCalls(RunTaskCommand);
      expect(calls).toHaveLength(2);
      expect(capacityOf(1)).toStrictEqual({ launchType: 'FARGATE', capacityProviderStrategy: undefined });
      expect(calls[1]!.args[0].input.clientToken).not.toBe(calls[0]!.args[0].input.clientToken);
    });

    it('does not retry a configuration problem on on-demand Fargate', async () => {
      ecsMock.on(RunTaskCommand).resolves({ tasks: [], failures: [{ reason: 'INACTIVE' }] });
      await expect(new EcsTaskRunner(spotOptions).start({ env: {} })).rejects.toMatchObject({ code: 'INTERNAL' });
      expect(ecsMock.commandCalls(RunTaskCommand)).toHaveLength(1);
    });
  });

  it.each([
    ['a capacity shortage as a dependency outage', 'Capacity is unavailable at this time. Please try again later or in a different availability zone', DependencyError, 'DEPENDENCY_UNAVAILABLE'],
    ['a configuration problem as an internal error', 'INACTIVE', AppError, 'INTERNAL'],
  ])('reports a RunTask failure without a task: %s', async (_, reason, type, code) => {
    ecsMock.on(RunTaskCommand).resolves({ tasks: [], failures: [{ arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/r2w-builder:7', reason, detail: 'details here' }] });
    const attempt = new EcsTaskRunner(options).start({ env: {} });
    await expect(attempt).rejects.toBeInstanceOf(type);
    await expect(attempt).rejects.toMatchObject({ code, cause: expect.objectContaining({ message: `ECS RunTask started no task: ${reason}: details here` }) });
  });

  it('reports a task ECS answers MISSING for as stopped, and sends StopTask with the reason cut to 255 characters', async () => {
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [], failures: [{ arn: taskArn, reason: 'MISSING' }] });
    ecsMock.on(StopTaskCommand).resolves({});
    const runner = new EcsTaskRunner(options);

    expect(await runner.status(taskArn)).toStrictEqual({
      taskId: taskArn,
      state: 'stopped',
      exitCode: null,
      reason: 'ECS no longer knows this task (it keeps stopped tasks for about an hour)',
    });
    await runner.stop(taskArn, 'x'.repeat(300));
    expect(ecsMock.commandCalls(StopTaskCommand)[0]?.args[0].input).toStrictEqual({ cluster: 'prod-builds', task: taskArn, reason: 'x'.repeat(255) });
  });

  it('reports the named container exit code and both stop reasons', async () => {
    ecsMock.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn,
          lastStatus: 'STOPPED',
          stoppedReason: 'Essential container in task exited',
          containers: [
            { name: 'log-router', exitCode: 0 },
            { name: 'builder', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
          ],
        },
      ],
    });
    expect(await new EcsTaskRunner(options).status(taskArn)).toStrictEqual({
      taskId: taskArn,
      state: 'stopped',
      exitCode: 137,
      reason: 'Essential container in task exited; OutOfMemoryError: Container killed due to memory usage',
    });
  });

  it('treats stopping a task ECS no longer has as done', async () => {
    ecsMock.on(StopTaskCommand).rejects(new InvalidParameterException({ message: 'The referenced task was not found.', $metadata: { httpStatusCode: 400 } }));
    await expect(new EcsTaskRunner(options).stop(taskArn, 'cleanup')).resolves.toBeUndefined();
  });
});
