import { RemovalPolicy } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

/** How many tagged images each repository keeps: enough to roll back a few weeks of deployments. */
export const IMAGES_KEPT = 30;

function repository(scope: Construct, id: string, description: string): ecr.Repository {
  return new ecr.Repository(scope, id, {
    imageScanOnPush: true,
    encryption: ecr.RepositoryEncryption.AES_256,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [
      { rulePriority: 1, description: `${description}: untagged layers of replaced pushes`, tagStatus: ecr.TagStatus.UNTAGGED, maxImageCount: 1 },
      { rulePriority: 2, description: `${description}: the newest ${IMAGES_KEPT} images, for rollback`, tagStatus: ecr.TagStatus.ANY, maxImageCount: IMAGES_KEPT },
    ],
  });
}

/** Two images (backend/Dockerfile: API and worker; portfolio-task/Dockerfile: the builder), pushed by deploy.yml tagged with the commit SHA. */
export class Registry extends Construct {
  readonly api: ecr.Repository;
  readonly builder: ecr.Repository;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.api = repository(this, 'Api', 'API and worker image');
    this.builder = repository(this, 'Builder', 'builder image');
  }
}
