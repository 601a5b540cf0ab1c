import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge';

export interface ApiLoadBalancerProps {
  vpc: ec2.IVpc;
  accessLogs: s3.IBucket;
}

// The shape of the API's own errors (backend/src/http/middleware/error-handler.ts).
const NOT_FOUND_BODY = JSON.stringify({ error: { code: 'ROUTE_NOT_FOUND', message: 'There is no such route here.' } });

/** Paths the load balancer answers 404 to itself, whatever the app would do with them. */
export const BLOCKED_PATHS = ['/metrics', '/metrics/*'];

/**
 * An internal load balancer: the internet reaches the API only through CloudFront (a VPC
 * origin), so nothing but the distribution can send it a request. /metrics is served on its
 * own port (METRICS_PORT), which no target group uses; the rule below is the second lock.
 */
export class ApiLoadBalancer extends Construct {
  readonly alb: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;

  constructor(scope: Construct, id: string, props: ApiLoadBalancerProps) {
    super(scope, id);
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', { vpc: props.vpc, description: 'API load balancer: CloudFront VPC origin only', allowAllOutbound: false });
    // CloudFront's VPC origin reaches the load balancer from inside the VPC.
    securityGroup.addIngressRule(ec2.Peer.ipv4(props.vpc.vpcCidrBlock), ec2.Port.tcp(80), 'CloudFront VPC origin');
    acknowledge(securityGroup, { 'AwsSolutions-EC23': 'The only ingress is the VPC’s own range (a token cdk-nag cannot read): the load balancer is internal and reached by CloudFront’s VPC origin.' });
    this.alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroup,
      dropInvalidHeaderFields: true,
      // Event streams send a heartbeat every 15 s; a minute leaves room.
      idleTimeout: Duration.seconds(60),
    });
    this.alb.logAccessLogs(props.accessLogs, 'alb');
    this.listener = this.alb.addListener('Http', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'application/json', messageBody: NOT_FOUND_BODY }),
    });
    this.listener.addAction('BlockMetrics', {
      priority: 1,
      conditions: [elbv2.ListenerCondition.pathPatterns(BLOCKED_PATHS)],
      action: elbv2.ListenerAction.fixedResponse(404, { contentType: 'application/json', messageBody: NOT_FOUND_BODY }),
    });
  }
}
